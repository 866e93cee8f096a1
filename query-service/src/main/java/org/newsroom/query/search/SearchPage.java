package org.newsroom.query.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total      exact number of matching articles, republications included
 * @param groups     number of distinct originals among them when duplicates are collapsed and facets asked for
 * @param hits       this page's articles (one per duplicate group when collapsed)
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 * @param facets     counts over all matches, or null when not asked for
 */
public record SearchPage(String query, long total, Long groups, int from, int size, List<ArticleHit> hits,
                         String nextCursor, Facets facets) {

    public SearchPage {
        hits = List.copyOf(hits);
    }

    static SearchPage empty(SearchRequest request) {
        return new SearchPage(request.query(), 0, request.collapse() ? 0L : null, request.from(), request.size(),
                List.of(), null, null);
    }
}
