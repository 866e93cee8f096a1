package org.newsroom.enrich.dedup;

import java.util.Optional;
import org.newsroom.contracts.DedupStatus;

/**
 * Confirms a candidate pair on the full signatures: same content hash is an exact duplicate; otherwise the
 * estimated Jaccard similarity, or the estimated containment of the shorter text in the longer one (a copy
 * trimmed to its first paragraphs, or padded with boilerplate), must clear the thresholds; two texts with the same
 * lead (a copy cut to its first paragraph and padded with the outlet's own) need only a lower Jaccard estimate.
 */
final class Verification {

    static final String CONTENT_HASH = "content-hash";
    static final String MINHASH_LSH = "minhash-lsh";

    /** Every exact pair's answer, one instance: a flood of identical copies verifies many pairs per arrival. */
    private static final Optional<Similarity> EXACT =
            Optional.of(new Similarity(DedupStatus.exact_duplicate, 1.0, 1.0, CONTENT_HASH));

    private final DedupSettings settings;

    Verification(DedupSettings settings) {
        this.settings = settings;
    }

    /** How {@code a} and {@code b} relate, when they are copies of one text. */
    Optional<Similarity> verify(Fingerprint a, Fingerprint b) {
        if (!a.comparable() || !b.comparable()) {
            return Optional.empty();
        }
        if (a.contentHash() == b.contentHash()) {
            return EXACT;
        }
        double jaccard = jaccard(a, b);
        double containment = containment(jaccard, a.shingleCount(), b.shingleCount());
        boolean near = jaccard >= settings.nearJaccard()
                || (jaccard >= settings.containmentJaccard() && containment >= settings.nearContainment())
                || (a.sameLead(b) && jaccard >= settings.leadJaccard());
        return near ? Optional.of(new Similarity(DedupStatus.near_duplicate, jaccard, containment, MINHASH_LSH))
                : Optional.empty();
    }

    static double jaccard(Fingerprint a, Fingerprint b) {
        int n = a.hashes();
        int equal = 0;
        for (int i = 0; i < n; i++) {
            if (a.signatureAt(i) == b.signatureAt(i)) {
                equal++;
            }
        }
        return (double) equal / n;
    }

    /** |A∩B| = J(|A|+|B|)/(1+J), as a share of the smaller set. */
    static double containment(double jaccard, int sizeA, int sizeB) {
        double intersection = jaccard * (sizeA + sizeB) / (1 + jaccard);
        return Math.min(1.0, intersection / Math.min(sizeA, sizeB));
    }

    /** The relation between two copies, with the scores that justified it. */
    record Similarity(DedupStatus status, double similarity, double containment, String method) {
    }
}
