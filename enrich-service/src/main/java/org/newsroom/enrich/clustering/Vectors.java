package org.newsroom.enrich.clustering;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sparse vector over sorted string keys. Sums run in key order, so the similarity of two articles is the same
 * double whatever else is in memory or came first: story grouping compares these values with a threshold and
 * with each other.
 *
 * <p>The dot product finds the shared keys by merging on the keys' hash codes (an int comparison, ties by the
 * string) rather than on the strings, then sums the products in key order as before: the same double, at a
 * fraction of the cost (an article is compared with every candidate that shares a heavy word).
 */
record Vectors(String[] keys, double[] values, int[] hashes, int[] positions) {

    Vectors(String[] keys, double[] values) {
        this(keys, values, null, null);
    }

    Vectors {
        if (hashes == null) {
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> {
                int c = Integer.compare(keys[x].hashCode(), keys[y].hashCode());
                return c != 0 ? c : keys[x].compareTo(keys[y]);
            });
            hashes = new int[keys.length];
            positions = new int[keys.length];
            for (int i = 0; i < order.length; i++) {
                hashes[i] = keys[order[i]].hashCode();
                positions[i] = order[i];
            }
        }
    }

    static Vectors of(Map<String, Double> weights) {
        TreeMap<String, Double> sorted = new TreeMap<>(weights);
        String[] keys = new String[sorted.size()];
        double[] values = new double[sorted.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : sorted.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new Vectors(keys, values);
    }

    Vectors normalised() {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        double norm = Math.sqrt(sum);
        double[] n = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            n[i] = norm == 0 ? 0 : values[i] / norm;
        }
        return new Vectors(keys, n, hashes, positions);
    }

    /** The dot product: the cosine when both are normalised. */
    double dot(Vectors other) {
        long[] shared = new long[Math.min(keys.length, other.keys.length)];
        int n = shared(other, shared);
        // Shared keys in key order: both arrays are sorted by key, so ordering by this vector's position does it.
        Arrays.sort(shared, 0, n);
        double dot = 0;
        for (int k = 0; k < n; k++) {
            dot += values[(int) (shared[k] >>> 32)] * other.values[(int) shared[k]];
        }
        return dot;
    }

    /** Whether the two share a key. */
    boolean sharesKey(Vectors other) {
        return shared(other, new long[1]) > 0;
    }

    /**
     * Finds shared keys by merging on hash codes (ties by the string), until {@code into} is full; each as this
     * vector's position (high half) and the other's (low half). Returns how many.
     */
    private int shared(Vectors other, long[] into) {
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < hashes.length && j < other.hashes.length && n < into.length) {
            int c = Integer.compare(hashes[i], other.hashes[j]);
            if (c == 0) {
                String mine = keys[positions[i]];
                String theirs = other.keys[other.positions[j]];
                c = mine.equals(theirs) ? 0 : mine.compareTo(theirs);
            }
            if (c == 0) {
                into[n++] = (long) positions[i++] << 32 | other.positions[j++];
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** Weighted Jaccard: the sum of minima over the sum of maxima. */
    double weightedJaccard(Vectors other) {
        if (!sharesKey(other)) {
            return 0; // no minimum to sum: skips the walk over both key lists for most pairs
        }
        double min = 0;
        double max = 0;
        int i = 0;
        int j = 0;
        while (i < keys.length || j < other.keys.length) {
            int c = i == keys.length ? 1 : j == other.keys.length ? -1 : keys[i].compareTo(other.keys[j]);
            if (c == 0) {
                min += Math.min(values[i], other.values[j]);
                max += Math.max(values[i++], other.values[j++]);
            } else if (c < 0) {
                max += values[i++];
            } else {
                max += other.values[j++];
            }
        }
        return max == 0 ? 0 : min / max;
    }
}
