package org.newsroom.ingest.intake;

import java.util.List;
import org.newsroom.ingest.parsing.DocumentParser;
import org.newsroom.ingest.parsing.ParsedArticle;
import org.newsroom.ingest.parsing.UnreadableDocumentException;

/**
 * Reads a document for an intake path: its articles, and apart from them the items that failed, so a bad
 * item inside a good feed fails alone. A document with more items than allowed is refused as a whole, and
 * a parser fault is reported as an unreadable document instead of stopping the intake.
 */
public final class Documents {

    /**
     * @param articles the items that were read
     * @param failures the items that were not, each with its reason
     */
    public record Read(List<ParsedArticle> articles, List<String> failures) {

        public Read {
            articles = List.copyOf(articles);
            failures = List.copyOf(failures);
        }
    }

    private final DocumentParser parser = new DocumentParser();
    private final int maxItems;

    public Documents(int maxItems) {
        this.maxItems = maxItems;
    }

    public Read read(String name, byte[] content) throws UnreadableDocumentException {
        Read read;
        try {
            read = new Read(parser.parse(name, content), List.of());
        } catch (RuntimeException e) {
            throw new UnreadableDocumentException("the parser failed on this document: " + e, e);
        }
        int items = read.articles().size() + read.failures().size();
        if (items > maxItems) {
            throw new UnreadableDocumentException("holds %d items, more than the limit of %d".formatted(items, maxItems));
        }
        if (read.articles().isEmpty()) {
            throw new UnreadableDocumentException(read.failures().isEmpty() ? "no articles in this document"
                    : "no item could be read: " + String.join("; ", read.failures()));
        }
        return read;
    }
}
