package org.newsroom.enrich.streams;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
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

    /**
     * The article with its decision, as an event of its own: a re-emitted, improved decision must not reuse the
     * first emission's id (CloudEvents consumers drop a repeated {@code ce_id} as a duplicate), while the same
     * decision emitted again after a restart keeps its id. So the id is derived from what makes the event.
     */
    ArticleEnriched decided() {
        ArticleEnriched decided = article.decoded().withDedup(decision.dedup());
        return decided.withEventId(eventIdOf(decided));
    }

    private static UUID eventIdOf(ArticleEnriched article) {
        Dedup dedup = article.dedup();
        String identity = String.join("|", article.articleId(), Integer.toString(article.version()),
                article.enrichedAt().toString(), dedup.status().name(), dedup.canonicalId(), dedup.method());
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
