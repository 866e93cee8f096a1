package org.newsroom.enrich.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a newcomer against the members of one bucket it falls in. A pair sharing several buckets is
 * reported only by the lowest of them, so however buckets are spread over partitions, each pair is
 * verified and reported exactly once.
 */
public final class PairFinder {

    private final DedupSettings settings;
    private final Verification verification;

    public PairFinder(DedupSettings settings) {
        this.settings = settings;
        this.verification = new Verification(settings);
    }

    /** Both sides of every verified pair between {@code newcomer} and the members of {@code bucket}. */
    public List<Match> matches(Fingerprint newcomer, Bucket bucket, Iterable<Fingerprint> members) {
        List<Match> matches = new ArrayList<>();
        for (Fingerprint member : members) {
            if (member.articleId().equals(newcomer.articleId())
                    || Bucket.firstShared(newcomer, member, settings) != bucket.index()) {
                continue;
            }
            verification.verify(newcomer, member).ifPresent(s -> matches.addAll(Match.bothWays(newcomer, member, s)));
        }
        return matches;
    }
}
