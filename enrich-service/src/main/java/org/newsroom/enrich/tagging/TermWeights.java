package org.newsroom.enrich.tagging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsroom.enrich.normalising.Words;

/**
 * TF-IDF over a fixed vocabulary: (1 + log tf) * idf, L2-normalised, headline words counted twice because
 * a headline states the subject. Built once from a training corpus and stored with the model, so runtime
 * vectors match training vectors exactly.
 */
public record TermWeights(Map<String, Integer> index, double[] idf) {

    /** Vocabulary of words in at least {@code minDocs} documents of {@code texts}, with their idf. */
    public static TermWeights fit(List<String> texts, int minDocs) {
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            Words.content(text).stream().distinct().forEach(w -> df.merge(w, 1, Integer::sum));
        }
        Map<String, Integer> index = new HashMap<>();
        new TreeMap<>(df).forEach((word, count) -> {
            if (count >= minDocs) {
                index.put(word, index.size());
            }
        });
        double[] idf = new double[index.size()];
        index.forEach((word, i) -> idf[i] = Math.log((double) texts.size() / df.get(word)));
        return new TermWeights(Map.copyOf(index), idf);
    }

    /** The text a document is weighted on: the headline twice, then the body. */
    public static String document(String headline, String body) {
        return (headline == null ? "" : headline + "\n" + headline) + "\n" + (body == null ? "" : body);
    }

    public SparseVector vector(String text) {
        Map<Integer, Integer> tf = new TreeMap<>();
        for (String word : Words.content(text)) {
            Integer i = index.get(word);
            if (i != null) {
                tf.merge(i, 1, Integer::sum);
            }
        }
        int[] indices = new int[tf.size()];
        double[] values = new double[tf.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
            indices[k] = e.getKey();
            values[k++] = (1 + Math.log(e.getValue())) * idf[e.getKey()];
        }
        return new SparseVector(indices, values).normalised();
    }

    public int size() {
        return idf.length;
    }
}
