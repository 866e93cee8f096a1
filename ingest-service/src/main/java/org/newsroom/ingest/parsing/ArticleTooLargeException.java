package org.newsroom.ingest.parsing;

/** A document whose every article is over the article size limit: refused for its size, not its form. */
public class ArticleTooLargeException extends UnreadableDocumentException {

    public ArticleTooLargeException(String reason) {
        super(reason);
    }
}
