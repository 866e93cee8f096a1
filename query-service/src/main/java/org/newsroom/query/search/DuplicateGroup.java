package org.newsroom.query.search;

import java.util.List;

/**
 * One duplicate group as {@code GET /api/articles/{id}/duplicates} answers it: the original ({@code canonicalId}) and
 * every republication of it, oldest first, each saying what it is in {@code dedup}; {@code total} counts them all
 * when more exist than were asked for.
 */
public record DuplicateGroup(String canonicalId, long total, List<ArticleHit> articles) {

    public DuplicateGroup {
        articles = List.copyOf(articles);
    }
}
