package org.newsroom.ingest.intake;

import java.util.List;
import org.newsroom.ingest.parsing.ArticleTooLargeException;
import org.newsroom.ingest.parsing.DocumentParser;
import org.newsroom.ingest.parsing.ItemFailure;
import org.newsroom.ingest.parsing.ParsedArticle;
import org.newsroom.ingest.parsing.ParsedDocument;
import org.newsroom.ingest.parsing.UnreadableDocumentException;

/**
 * Reads a document for an intake path: its articles, and apart from them the items that failed, so a bad
 * item inside a good feed fails alone. A document with more items than allowed, or without one readable
 * item, is refused as a whole, and a parser fault is reported as an unreadable document instead of
 * stopping the intake.
 */
public final class Documents {

    /**
     * @param articles the items that were read
     * @param failures the items that were not, each as "where: why"
     */
    public record Read(List<ParsedArticle> articles, List<String> failures) {

        public Read {
            articles = List.copyOf(articles);
            failures = List.copyOf(failures);
        }
    }

    private final DocumentParser parser;

    public Documents(long maxBytes, int maxItems) {
        this(maxBytes, maxItems, DocumentParser.DEFAULT_MAX_ARTICLE_BYTES);
    }

    public Documents(long maxBytes, int maxItems, long maxArticleBytes) {
        this.parser = new DocumentParser((int) Math.min(Integer.MAX_VALUE - 8, maxBytes), maxItems, maxArticleBytes);
    }

    public Read read(String name, byte[] content) throws UnreadableDocumentException {
        ParsedDocument document;
        try {
            document = parser.read(name, content);
        } catch (RuntimeException e) {
            throw new UnreadableDocumentException("the parser failed on this document: " + e, e);
        }
        List<String> failures = document.failures().stream().map(failure -> failure.item() + ": " + failure.reason()).toList();
        if (document.articles().isEmpty()) {
            String reason = failures.isEmpty() ? "no articles in this document"
                    : "no item could be read: " + String.join("; ", failures);
            boolean allTooLarge = !document.failures().isEmpty() && document.failures().stream().allMatch(ItemFailure::tooLarge);
            throw allTooLarge ? new ArticleTooLargeException(reason) : new UnreadableDocumentException(reason);
        }
        return new Read(document.articles(), failures);
    }
}
