package org.newsroom.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.DedupStatus;

class DecisionTests {

    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");
    private static final Verification.Similarity COPY =
            new Verification.Similarity(DedupStatus.near_duplicate, 0.93, 0.95, "minhash-lsh");
    private final Decision original = new Decision("wire-b", org.newsroom.contracts.Dedup.originalOf("wire-b", "minhash-lsh"), NOON);

    @Test
    void aCopyPublishedEarlierBecomesTheCanonical() {
        Decision improved = original.improvedBy(new Match("wire-b", "wire-a", NOON.minusSeconds(60), COPY)).orElseThrow();

        assertThat(improved.dedup().canonicalId()).isEqualTo("wire-a");
        assertThat(improved.dedup().status()).isEqualTo(DedupStatus.near_duplicate);
        assertThat(improved.canonicalPublishedAt()).isEqualTo(NOON.minusSeconds(60));
    }

    @Test
    void anEarlierCopyWinsWhateverItsArticleId() {
        assertThat(original.improvedBy(new Match("wire-b", "wire-z", NOON.minusSeconds(60), COPY)))
                .hasValueSatisfying(d -> assertThat(d.dedup().canonicalId()).isEqualTo("wire-z"));
    }

    @Test
    void aCopyPublishedLaterLeavesTheDecisionAsItIs() {
        assertThat(original.improvedBy(new Match("wire-b", "wire-0", NOON.plusSeconds(1), COPY))).isEmpty();
    }

    @Test
    void aCopyPublishedAtTheSameTimeWinsOnlyWithTheSmallerArticleId() {
        assertThat(original.improvedBy(new Match("wire-b", "wire-a", NOON, COPY))).isPresent();
        assertThat(original.improvedBy(new Match("wire-b", "wire-c", NOON, COPY))).isEmpty();
        assertThat(original.improvedBy(new Match("wire-b", "wire-b", NOON, COPY))).isEmpty();
    }
}
