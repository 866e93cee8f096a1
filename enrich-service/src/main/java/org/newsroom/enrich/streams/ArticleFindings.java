package org.newsroom.enrich.streams;

import java.util.Objects;
import org.newsroom.contracts.PubStatus;
import org.newsroom.enrich.dedup.Fingerprint;

/**
 * What the articles step found out about an arriving version, keyed by article id on the one-partition
 * {@code article-findings} topic, for the memory task: an enriched version with its dedup fingerprint, or the kill
 * or hold of a version, which is not enriched. Both travel on the same topic, so a kill keeps its place behind the
 * version it kills.
 */
sealed interface ArticleFindings {

    int version();

    PubStatus pubStatus();

    /**
     * A usable version, enriched with a placeholder dedup decision: what the memory task holds of it, and its dedup
     * fingerprint, which only the memory task's index takes (the held store keeps no signature).
     */
    record Enriched(Fingerprint fingerprint, HeldArticle held) implements ArticleFindings {

        public Enriched {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(held, "held");
        }

        @Override
        public int version() {
            return held.version();
        }

        @Override
        public PubStatus pubStatus() {
            return PubStatus.usable;
        }
    }

    record TakenOut(int version, PubStatus pubStatus) implements ArticleFindings {
    }
}
