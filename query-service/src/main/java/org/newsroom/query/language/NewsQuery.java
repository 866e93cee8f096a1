package org.newsroom.query.language;

import java.util.Objects;

/**
 * A user's query, parsed once: the text as a {@link Clause} tree and the exact filters. Search renders it to
 * Elasticsearch ({@link ElasticsearchQuery}); saved searches and live streams match new articles with its
 * {@link #matcher()}, which runs the same analysis and query classes as the index, in memory.
 *
 * <p>The text syntax: words (all required), {@code "quoted phrases"}, {@code -word} or {@code NOT word} to
 * exclude, {@code |} or {@code OR} between alternatives, {@code AND} or {@code +} (the default anyway),
 * parentheses, and {@code word*} for a prefix of an indexed (stemmed, lower-case) term. It never fails: stray
 * operators are ignored, fuzziness ({@code ~2}) is dropped, and words that leave no term (stop words) vanish.
 */
public record NewsQuery(String text, Clause clause, SearchFilters filters) {

    public NewsQuery {
        Objects.requireNonNull(clause, "clause");
        filters = filters == null ? SearchFilters.NONE : filters;
    }

    /** Parses {@code text} (blank or null: everything) restricted by {@code filters}. */
    public static NewsQuery parse(String text, SearchFilters filters) {
        return new NewsQuery(text, QueryParser.parse(text == null ? "" : text), filters);
    }

    /** Tests new articles against this query; build once, use for many articles. */
    public QueryMatcher matcher() {
        return new QueryMatcher(this, LuceneQuery.of(this), RequiredTerms.of(this));
    }
}
