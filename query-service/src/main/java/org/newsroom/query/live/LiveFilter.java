package org.newsroom.query.live;

import java.util.Objects;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.language.NewsQuery;
import org.newsroom.query.language.QueryMatcher;
import org.newsroom.query.language.SearchFilters;

/**
 * What a live stream subscribes to: a query in the search syntax over headline, body and byline, and optional
 * filters (ignoring case; a tag by id or label); a missing filter lets everything through. Matched with
 * {@link NewsQuery}, exactly as search and saved searches match.
 */
public record LiveFilter(String query, FilterValues filters) {

    static final int MAX_QUERY_LENGTH = 1000;
    static final int MAX_FILTER_LENGTH = 200;

    public LiveFilter {
        query = blankToNull(query);
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("q is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        filters = Objects.requireNonNullElse(filters, FilterValues.NONE).withText((name, value) -> {
            String filter = blankToNull(value);
            if (filter != null && filter.length() > MAX_FILTER_LENGTH) {
                throw new IllegalArgumentException("filters are at most " + MAX_FILTER_LENGTH + " characters");
            }
            return filter;
        });
        SearchFilters.extractionConfidenceBelow(filters.extractionConfidenceBelow());
    }

    /** The filter a stream request's parameters describe; {@link IllegalArgumentException} for invalid ones. */
    public static LiveFilter of(String query, String tag, String source, String agency, String language,
                                String extraction, String extractionConfidenceBelow) {
        return new LiveFilter(query, new FilterValues(tag, source, agency, language,
                SearchFilters.extractionMethod(extraction),
                SearchFilters.extractionConfidenceBelow(extractionConfidenceBelow)));
    }

    /** This filter as the one query model search and saved searches use, compiled to test many articles. */
    public QueryMatcher matcher() {
        return NewsQuery.parse(query, filters.toSearchFilters()).matcher();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
