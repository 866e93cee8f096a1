package org.newsroom.ingest.parsing;

import java.util.List;
import java.util.Objects;

/**
 * Everything read from one document: the articles of its good items and, separately, the items that
 * failed, so that a bad item inside a good feed fails alone.
 *
 * @param format   the format recognised from the content, e.g. {@code rss}, {@code newsml-g2}
 * @param articles the cleaned articles, in document order
 * @param failures the items that could not be read, with reasons
 */
public record ParsedDocument(String format, List<ParsedArticle> articles, List<ItemFailure> failures) {

    public ParsedDocument {
        Objects.requireNonNull(format, "format");
        articles = List.copyOf(articles);
        failures = List.copyOf(failures);
    }

    public static ParsedDocument of(String format, ParsedArticle article) {
        return new ParsedDocument(format, List.of(article), List.of());
    }
}
