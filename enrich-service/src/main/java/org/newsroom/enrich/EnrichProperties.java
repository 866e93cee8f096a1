package org.newsroom.enrich;

import java.time.Duration;
import org.newsroom.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of enrich-service ({@code enrich.*}, or {@code ENRICH_*} in the environment).
 *
 * @param enrichmentVersion    stamped on every enriched article, so reprocessing can tell versions apart
 * @param rawPartitions        partitions of the raw topic when enrich creates it (it must exist before the
 *                             topology starts, whichever service starts first)
 * @param enrichedPartitions   partitions of the enriched topic when enrich creates it
 * @param dedupWindow          how long an article stays a duplicate candidate after it arrived; bounds the
 *                             held articles (store {@code held-articles}) and the in-heap dedup index
 * @param versionRetention     how long the version gate remembers an article after its last version or kill
 *                             (store {@code article-versions}); a version arriving
 *                             later is taken as new. At least the dedup window, within which a killed article's
 *                             duplicate decision can still be re-emitted and must meet the kill at the gate
 * @param replay               unset for the live service; when set (by {@code ./newsroom reprocess}), this instance
 *                             is a replay run of that name: it writes to {@link Topics#replayOf} instead of the
 *                             enriched topic and routes no tags (the live instance does that once per article)
 */
@ConfigurationProperties("enrich")
public record EnrichProperties(
        @DefaultValue("0.1.0") String enrichmentVersion,
        @DefaultValue("3") int rawPartitions,
        @DefaultValue("3") int enrichedPartitions,
        @DefaultValue("30d") Duration dedupWindow,
        @DefaultValue("90d") Duration versionRetention,
        String replay) {

    public EnrichProperties {
        if (versionRetention.compareTo(dedupWindow) < 0) {
            throw new IllegalArgumentException("enrich.version-retention (%s) must be at least enrich.dedup-window (%s)"
                    .formatted(versionRetention, dedupWindow));
        }
    }

    public boolean replaying() {
        return replay != null && !replay.isBlank();
    }

    /** Where enriched articles go: the all-articles topic, or the replay run's own topic. */
    public String enrichedTopic() {
        return replaying() ? Topics.replayOf(replay) : Topics.ARTICLES_ENRICHED;
    }
}
