package org.newsroom.enrich.dedup;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.newsroom.contracts.Dedup;

/**
 * The duplicate decision for one article: its canonical article is the earliest-published of itself and every
 * copy verified against it (ties by article id). Matches may come in any order; the decision only ever moves
 * to an earlier canonical, so every arrival order converges to the same one.
 *
 * @param canonicalPublishedAt when the canonical article was published, to compare later matches with
 */
public record Decision(String articleId, Dedup dedup, Instant canonicalPublishedAt) {

    private static final Comparator<Decision> BY_CANONICAL = Comparator
            .comparing(Decision::canonicalPublishedAt)
            .thenComparing(d -> d.dedup().canonicalId());

    /** The decision for an article no copy is known of yet. */
    public static Decision originalOf(Fingerprint f) {
        return new Decision(f.articleId(), Dedup.originalOf(f.articleId(), Verification.MINHASH_LSH), f.publishedAt());
    }

    /** The new decision when {@code match} names an earlier canonical than the current one. */
    public Optional<Decision> improvedBy(Match match) {
        Decision candidate = new Decision(articleId, new Dedup(match.similarity().status(), match.otherId(),
                match.similarity().similarity(), match.similarity().containment(), match.similarity().method()),
                match.otherPublishedAt());
        return BY_CANONICAL.compare(candidate, this) < 0 ? Optional.of(candidate) : Optional.empty();
    }
}
