package org.newsroom.enrich.dedup;

import java.time.Instant;
import java.util.List;
import org.newsroom.enrich.dedup.Verification.Similarity;

/** One side of a verified pair: {@code articleId} is a copy of (or copied by) {@code otherId}. */
public record Match(String articleId, String otherId, Instant otherPublishedAt, Similarity similarity) {

    /** Both sides of the verified pair {@code a}, {@code b}: each side may change the other's decision. */
    static List<Match> bothWays(Fingerprint a, Fingerprint b, Similarity similarity) {
        return List.of(new Match(a.articleId(), b.articleId(), b.publishedAt(), similarity),
                new Match(b.articleId(), a.articleId(), a.publishedAt(), similarity));
    }
}
