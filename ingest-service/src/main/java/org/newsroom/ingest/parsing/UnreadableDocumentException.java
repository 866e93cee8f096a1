package org.newsroom.ingest.parsing;

/** A document that no parser can turn into articles; the message says why, for the {@code .error} file. */
public class UnreadableDocumentException extends Exception {

    public UnreadableDocumentException(String reason) {
        super(reason);
    }

    public UnreadableDocumentException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
