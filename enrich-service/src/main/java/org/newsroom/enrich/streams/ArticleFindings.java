package org.newsroom.enrich.streams;

import java.util.Arrays;
import java.util.Objects;
import org.newsroom.contracts.PubStatus;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.Enricher;

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
     * A usable version, enriched with a placeholder dedup decision.
     *
     * @param article the drafted article's JSON, deflated ({@link InternalSerdes#deflated})
     * @param memo    what the memory task needs of it besides the article ({@link Enricher.Memo}), JSON deflated
     */
    record Enriched(int version, Fingerprint fingerprint, byte[] article, byte[] memo) implements ArticleFindings {

        public Enriched {
            Objects.requireNonNull(fingerprint, "fingerprint");
            article = article.clone();
            memo = memo.clone();
        }

        @Override
        public byte[] memo() {
            return memo.clone();
        }

        @Override
        public PubStatus pubStatus() {
            return PubStatus.usable;
        }

        @Override
        public byte[] article() {
            return article.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Enriched e && version == e.version && fingerprint.equals(e.fingerprint)
                    && Arrays.equals(article, e.article) && Arrays.equals(memo, e.memo);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, fingerprint, Arrays.hashCode(article), Arrays.hashCode(memo));
        }

        @Override
        public String toString() {
            return "Enriched[v" + version + ", " + fingerprint + ", " + article.length + " + " + memo.length + " bytes]";
        }
    }

    record TakenOut(int version, PubStatus pubStatus) implements ArticleFindings {
    }
}
