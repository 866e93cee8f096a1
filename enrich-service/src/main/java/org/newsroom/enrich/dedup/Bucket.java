package org.newsroom.enrich.dedup;

import java.util.ArrayList;
import java.util.List;
import org.newsroom.enrich.hashing.Hashing;

/**
 * An LSH bucket an article falls in: index 0 is its content hash (exact copies meet there), index 1..bands
 * one band of its MinHash signature (similar texts meet in at least one band with high probability), index
 * bands + 1 its lead hash (copies cut to their lead meet there even when no band agrees).
 */
record Bucket(int index, long value) {

    /** The buckets of a comparable fingerprint; none for an empty body. */
    static List<Bucket> of(Fingerprint f, DedupSettings settings) {
        if (!f.comparable()) {
            return List.of();
        }
        List<Bucket> buckets = new ArrayList<>(settings.bands() + 2);
        buckets.add(new Bucket(0, f.contentHash()));
        for (int band = 0; band < settings.bands(); band++) {
            buckets.add(new Bucket(band + 1, bandValue(f, band, settings.rows())));
        }
        if (f.leadHash() != 0) {
            buckets.add(new Bucket(leadIndex(settings), f.leadHash()));
        }
        return buckets;
    }

    /** How many bucket indexes there are: content hash, bands, lead. */
    static int count(DedupSettings settings) {
        return settings.bands() + 2;
    }

    private static int leadIndex(DedupSettings settings) {
        return settings.bands() + 1;
    }

    private static long bandValue(Fingerprint f, int band, int rows) {
        long h = band;
        for (int r = band * rows; r < (band + 1) * rows; r++) {
            h = Hashing.mix(h * 31 + f.signatureAt(r));
        }
        return h;
    }
}
