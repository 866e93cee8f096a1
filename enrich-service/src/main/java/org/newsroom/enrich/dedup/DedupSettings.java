package org.newsroom.enrich.dedup;

/**
 * How duplicates are found and confirmed. The defaults are the ones measured by {@code ./newsroom dedup-eval}
 * (see docs/dedup.md); changing them changes which articles count as copies.
 *
 * @param shingleSize          words per shingle
 * @param hashes               MinHash signature length
 * @param bands                LSH bands; each band hashes {@code hashes / bands} consecutive signature values
 * @param nearJaccard          estimated Jaccard similarity at or above which two texts are near duplicates
 * @param nearContainment      estimated containment (share of the shorter text found in the longer one) at
 *                             or above which a trimmed or padded copy is a near duplicate...
 * @param containmentJaccard   ...provided the Jaccard estimate is at least this, so the estimate is not noise
 * @param maxBucketMembers     members of one bucket a newcomer walks, newest first (each is verified once, in the
 *                             first bucket that meets it); bounds the work a degenerate bucket (e.g.
 *                             boilerplate-only texts) can cause
 * @param leadWords            how many of the body's first words make its lead
 * @param leadJaccard          estimated Jaccard similarity at or above which two texts with the same lead are near
 *                             duplicates (a copy cut to its lead and padded shares little else with the original)
 */
public record DedupSettings(int shingleSize, int hashes, int bands, double nearJaccard, double nearContainment,
                            double containmentJaccard, int maxBucketMembers, int leadWords, double leadJaccard) {

    public DedupSettings {
        if (shingleSize < 1 || hashes < 1 || bands < 1 || bands > hashes || leadWords < 1) {
            throw new IllegalArgumentException("need shingleSize >= 1, 1 <= bands <= hashes and leadWords >= 1");
        }
    }

    public static DedupSettings defaults() {
        return new DedupSettings(5, 128, 42, 0.5, 0.8, 0.3, 1000, 20, 0.2);
    }

    /** These settings with other verification thresholds and lead length (the evaluation's grid). */
    public DedupSettings withThresholds(double nearContainment, double containmentJaccard, int leadWords,
                                        double leadJaccard) {
        return new DedupSettings(shingleSize, hashes, bands, nearJaccard, nearContainment, containmentJaccard,
                maxBucketMembers, leadWords, leadJaccard);
    }

    int rows() {
        return hashes / bands;
    }
}
