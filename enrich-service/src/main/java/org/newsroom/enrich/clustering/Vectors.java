package org.newsroom.enrich.clustering;

import java.util.Map;
import java.util.TreeMap;

/**
 * A sparse vector over sorted string keys. Sums run in key order, so the similarity of two articles is the same
 * double whatever else is in memory or came first: story grouping compares these values with a threshold and
 * with each other.
 */
record Vectors(String[] keys, double[] values) {

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
        return new Vectors(keys, n);
    }

    /** The dot product: the cosine when both are normalised. */
    double dot(Vectors other) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < keys.length && j < other.keys.length) {
            int c = keys[i].compareTo(other.keys[j]);
            if (c == 0) {
                dot += values[i++] * other.values[j++];
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** Weighted Jaccard: the sum of minima over the sum of maxima. */
    double weightedJaccard(Vectors other) {
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
