package org.newsroom.query.language;

import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.newsroom.contracts.ArticleEnriched;

/**
 * A {@link NewsQuery} compiled for matching new articles in memory; safe to share between threads.
 *
 * @param required terms at least one of which a matching article holds ({@link RequiredTerms}), or empty when
 *                 any article may match
 */
public record QueryMatcher(NewsQuery query, Query lucene, Optional<Set<RequiredTerms.Required>> required) {

    public boolean matches(IndexedArticle article) {
        return article.matches(lucene);
    }

    /** For one-off checks; to test an article against many queries, index it once with {@link IndexedArticle#of}. */
    public boolean matches(ArticleEnriched article) {
        return matches(IndexedArticle.of(article));
    }
}
