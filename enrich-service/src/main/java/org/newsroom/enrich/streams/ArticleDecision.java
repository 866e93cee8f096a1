package org.newsroom.enrich.streams;

import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.streams.DedupSerdes.EncodedArticle;

/**
 * The decision step's state for one article: the article to (re-)emit, its current decision, and how many of
 * its buckets are still to report; it is emitted once none is.
 */
record ArticleDecision(EncodedArticle article, Decision decision, long arrivedAt, int uncheckedBuckets) {

    ArticleDecision with(Decision better) {
        return new ArticleDecision(article, better, arrivedAt, uncheckedBuckets);
    }

    ArticleEnriched decided() {
        return article.decoded().withDedup(decision.dedup());
    }
}
