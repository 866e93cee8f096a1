package org.newsroom.enrich.dedup;

import java.time.Instant;
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

    /** The decision for an article no copy is known of yet. */
    public static Decision originalOf(Fingerprint f) {
        return new Decision(f.articleId(), Dedup.originalOf(f.articleId(), Verification.MINHASH_LSH), f.publishedAt());
    }

    /**
     * The new decision when {@code match} names an earlier canonical than the current one (earlier published, ties
     * by article id). Compared before anything is built: most matches of a wire story confirm the canonical it has.
     */
    Optional<Decision> improvedBy(Match match) {
        int order = match.otherPublishedAt().compareTo(canonicalPublishedAt);
        if (order > 0 || (order == 0 && match.otherId().compareTo(dedup.canonicalId()) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new Decision(articleId, new Dedup(match.similarity().status(), match.otherId(),
                match.similarity().similarity(), match.similarity().containment(), match.similarity().method()),
                match.otherPublishedAt()));
    }
}
