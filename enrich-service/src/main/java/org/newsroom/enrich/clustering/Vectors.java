package org.newsroom.enrich.clustering;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Cosine and weighted Jaccard over sparse word-keyed vectors. */
final class Vectors {

    private Vectors() {
    }

    static Map<String, Double> normalised(Map<String, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        Map<String, Double> n = new HashMap<>();
        v.forEach((k, x) -> n.put(k, norm == 0 ? 0 : x / norm));
        return n;
    }

    /** With the norms given: a story's centroid is compared with many articles between its changes. */
    static double cosine(Map<String, Double> a, double na, Map<String, Double> b, double nb) {
        double dot = 0;
        for (Map.Entry<String, Double> e : b.entrySet()) {
            dot += a.getOrDefault(e.getKey(), 0.0) * e.getValue();
        }
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    static double norm(Map<String, Double> v) {
        return Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    }

    static double weightedJaccard(Map<String, Double> a, Map<String, Double> b) {
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        double min = 0;
        double max = 0;
        for (String k : keys) {
            double x = a.getOrDefault(k, 0.0);
            double y = b.getOrDefault(k, 0.0);
            min += Math.min(x, y);
            max += Math.max(x, y);
        }
        return max == 0 ? 0 : min / max;
    }
}
