package org.newsroom.query.search;

import java.util.List;

/** One page of search results: the exact total of matching articles and the hits on this page. */
public record SearchPage(String query, long total, int from, int size, List<ArticleHit> hits) {

    public SearchPage {
        hits = List.copyOf(hits);
    }
}
