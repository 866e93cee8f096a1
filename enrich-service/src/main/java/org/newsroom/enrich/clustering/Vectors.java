package org.newsroom.enrich.clustering;

import java.util.Map;
import java.util.TreeMap;

/**
 * A sparse vector over sorted string keys. Sums run in key order, so the similarity of two articles is the same
 * double whatever else is in memory or came first: story grouping compares these values with a threshold and
 * with each other.
 *
 * <p>The keys are also held in an open-addressing table ({@code slots}: position + 1 by hash, 0 empty, at most half
 * full), so the dot product walks the other vector's keys in key order and finds each among these with one or two
 * probes: the same products summed in the same order, without merging the two key lists (an article is compared
 * with every candidate that shares a heavy word).
 */
record Vectors(String[] keys, double[] values, int[] slots) {

    Vectors(String[] keys, double[] values) {
        this(keys, values, slots(keys));
    }

    private static int[] slots(String[] keys) {
        int[] slots = new int[Integer.highestOneBit(Math.max(1, keys.length) * 2) * 2];
        for (int i = 0; i < keys.length; i++) {
            int slot = spread(keys[i].hashCode()) & (slots.length - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = i + 1;
        }
        return slots;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
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
        return new Vectors(keys, n, slots);
    }

    /** The dot product: the cosine when both are normalised. */
    double dot(Vectors other) {
        double dot = 0;
        for (int j = 0; j < other.keys.length; j++) { // in key order: shared keys come in key order
            int i = position(other.keys[j]);
            if (i >= 0) {
                dot += values[i] * other.values[j];
            }
        }
        return dot;
    }

    /** Whether the two share a key. */
    boolean sharesKey(Vectors other) {
        for (String key : other.keys) {
            if (position(key) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code key} is among these keys, or -1. */
    private int position(String key) {
        int mask = slots.length - 1;
        for (int slot = spread(key.hashCode()) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            String mine = keys[slots[slot] - 1];
            if (mine.hashCode() == key.hashCode() && mine.equals(key)) {
                return slots[slot] - 1;
            }
        }
        return -1;
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
