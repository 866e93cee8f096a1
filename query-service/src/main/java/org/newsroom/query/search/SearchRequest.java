package org.newsroom.query.search;

import org.newsroom.query.language.SearchFilters;

/**
 * A search as the API accepts it, already validated.
 *
 * @param query    the user's query in simple syntax (phrases, +, -, OR); blank means "everything, newest first"
 * @param filters  restrictions by tag, entity, source, agency, language and publication date
 * @param sort     result order; a blank query is always by date
 * @param from     offset of the first hit (when no cursor is given)
 * @param size     number of hits
 * @param cursor   where the previous page ended, or null for the first page
 * @param collapse whether republications are folded under their original (the default)
 * @param facets   whether to count tags, entities, sources, agencies, languages and dates over the matches
 * @param interval the date histogram's bucket: hour, day, week, month or year
 */
public record SearchRequest(String query, SearchFilters filters, SearchSort sort, int from, int size, Cursor cursor,
                            boolean collapse, boolean facets, String interval) {

    public SearchRequest {
        filters = filters == null ? SearchFilters.NONE : filters;
        sort = sort == null ? SearchSort.relevance : sort;
        interval = interval == null ? "day" : interval;
    }

    /** The plain query of the first API version: text, offset and size, duplicates collapsed, no facets. */
    public static SearchRequest of(String query, int from, int size) {
        return new SearchRequest(query, SearchFilters.NONE, SearchSort.relevance, from, size, null, true, false, "day");
    }

    public boolean isBrowse() {
        return query == null || query.isBlank();
    }

    /** The order actually applied: without query text there is no relevance to rank by. */
    public SearchSort effectiveSort() {
        return isBrowse() ? SearchSort.date : sort;
    }
}
