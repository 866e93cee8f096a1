package org.newsroom.ingest.parsing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Removal;

/**
 * What a parser read from one item of a document, before it gets an identity and a source.
 * Optional fields are null when the document does not say.
 */
public record ParsedArticle(String format, String headline, List<String> paragraphs, Instant publishedAt,
                            String byline, Dateline dateline, String language, String url, String guid,
                            int version, List<Removal> removed) {

    public ParsedArticle {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(headline, "headline");
        paragraphs = List.copyOf(paragraphs);
        removed = removed == null ? List.of() : List.copyOf(removed);
        version = Math.max(1, version);
    }

    /** An article known only by its text, as in a plain-text drop. */
    public static ParsedArticle ofText(String format, String headline, List<String> paragraphs, Instant publishedAt) {
        return new ParsedArticle(format, headline, paragraphs, publishedAt, null, null, null, null, null, 1, List.of());
    }
}
