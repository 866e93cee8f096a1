package org.newsroom.enrich.clustering;

import java.util.Map;

/**
 * A fixed inverse document frequency per word, learnt once from a training corpus (the shipped subject model's
 * vocabulary), unknown words at the largest idf: a word's weight then does not depend on which articles came
 * first, as an idf learnt from the stream would.
 */
public record TermIdf(Map<String, Double> idf, double unknown) {

    public TermIdf {
        idf = Map.copyOf(idf);
    }

    /** Built from a vocabulary (word → index) and its idf array, as the subject model stores them. */
    public static TermIdf of(Map<String, Integer> index, double[] idf) {
        double max = 0;
        java.util.HashMap<String, Double> byWord = new java.util.HashMap<>();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            double value = idf[e.getValue()];
            byWord.put(e.getKey(), value);
            max = Math.max(max, value);
        }
        return new TermIdf(byWord, max);
    }

    public double of(String word) {
        return idf.getOrDefault(word, unknown);
    }
}
