package org.newsroom.enrich;

import java.time.Clock;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Enrichment;
import org.newsroom.enrich.normalising.TextNormaliser;

/**
 * Turns a received article into an enriched one: normalised text, then what each capability decides.
 * Plain Java, driven by the Kafka Streams topology at the edge.
 */
public final class Enricher {

    /** Until duplicate detection runs, every article is its own original, checked by nothing. */
    static final String NO_DEDUP = "none";

    private final String enrichmentVersion;
    private final Clock clock;

    public Enricher(String enrichmentVersion, Clock clock) {
        this.enrichmentVersion = enrichmentVersion;
        this.clock = clock;
    }

    public ArticleEnriched enrich(ArticleReceived received) {
        ArticleReceived article = TextNormaliser.normalised(received);
        Enrichment enrichment = new Enrichment(enrichmentVersion, null, null,
                Dedup.originalOf(article.articleId(), NO_DEDUP), article.articleId());
        return ArticleEnriched.of(article, enrichment, clock.instant());
    }
}
