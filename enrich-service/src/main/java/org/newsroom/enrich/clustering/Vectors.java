package org.newsroom.enrich.clustering;

import java.util.Map;
import java.util.TreeMap;

/**
 * A sparse vector over sorted string keys. Sums run in key order, so the similarity of two articles is the same
 * double whatever else is in memory or came first: story grouping compares these values with a threshold and
 * with each other.
 *
 * <p>The keys are also held in an open-addressing table (position + 1 by hash, 0 empty, at most half full) beside
 * their hash codes, so the dot product walks the shorter vector's keys in key order and finds each among the
 * other's by comparing ints, reading a key only when the hashes agree (and {@link Stories} shares one instance of
 * each word, so that read stops at the reference): the same products summed in the same order, without merging the
 * two key lists. It runs for every candidate that shares a heavy word or an entity with an arrival (hundreds in a
 * dense window).
 *
 * <p>A class, not a record: the table and the hash arrays are derived from the keys, so no caller can pass arrays
 * that disagree with them (a record's canonical constructor would let it).
 */
final class Vectors {

    private final String[] keys;
    private final double[] values;
    /** The keys' hash codes, in key order. */
    private final int[] hashes;
    /** Position + 1 of a key, by hash; 0 empty. */
    private final int[] slots;
    /** The hash code of the key in each slot. */
    private final int[] slotHashes;

    /** Sorted distinct keys and their values (the arrays are kept, not copied). */
    Vectors(String[] keys, double[] values) {
        this.keys = keys;
        this.values = values;
        this.hashes = hashes(keys);
        this.slots = new int[tableSize(keys.length)];
        this.slotHashes = new int[slots.length];
        int mask = slots.length - 1;
        for (int i = 0; i < keys.length; i++) {
            int slot = spread(hashes[i]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
            slotHashes[slot] = hashes[i];
        }
    }

    /** The same keys (and so the same table) with other values. */
    private Vectors(Vectors keysOf, double[] values) {
        this.keys = keysOf.keys;
        this.values = values;
        this.hashes = keysOf.hashes;
        this.slots = keysOf.slots;
        this.slotHashes = keysOf.slotHashes;
    }

    String[] keys() {
        return keys;
    }

    double[] values() {
        return values;
    }

    private static int[] hashes(String[] keys) {
        int[] hashes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            hashes[i] = keys[i].hashCode();
        }
        return hashes;
    }

    private static int tableSize(int keys) {
        return Integer.highestOneBit(Math.max(1, keys) * 2) * 2;
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
        return new Vectors(this, n);
    }

    /**
     * The dot product: the cosine when both are normalised. Walks the shorter key list and probes the longer: the
     * shared keys come in key order either way and each product is the same double, so the sum is too.
     */
    double dot(Vectors other) {
        if (other.keys.length > keys.length) {
            return other.dot(this);
        }
        double dot = 0;
        for (int j = 0; j < other.keys.length; j++) { // in key order: shared keys come in key order
            int i = position(other.keys[j], other.hashes[j]);
            if (i >= 0) {
                dot += values[i] * other.values[j];
            }
        }
        return dot;
    }

    /** Whether the two share a key. */
    boolean sharesKey(Vectors other) {
        for (int j = 0; j < other.keys.length; j++) {
            if (position(other.keys[j], other.hashes[j]) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code key}, whose hash code is {@code hash}, is among these keys, or -1. */
    private int position(String key, int hash) {
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            if (slotHashes[slot] == hash && keys[slots[slot] - 1].equals(key)) {
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
