package org.newsroom.query.language;

import org.apache.lucene.search.Query;
import org.newsroom.contracts.ArticleEnriched;

/** A {@link NewsQuery} compiled for matching new articles in memory; safe to share between threads. */
public record QueryMatcher(NewsQuery query, Query lucene) {

    public boolean matches(IndexedArticle article) {
        return article.matches(lucene);
    }

    /** For one-off checks; to test an article against many queries, index it once with {@link IndexedArticle#of}. */
    public boolean matches(ArticleEnriched article) {
        return matches(IndexedArticle.of(article));
    }
}
