package org.newsroom.enrich.tagging;

import java.util.Arrays;
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
        return vector(Words.content(text));
    }

    /** The vector of a document's content words ({@link Words#content}, e.g. {@code ArticleTokens.document}). */
    public SparseVector vector(List<String> contentWords) {
        int[] known = new int[contentWords.size()];
        int n = 0;
        for (String word : contentWords) {
            Integer i = index.get(word);
            if (i != null) {
                known[n++] = i;
            }
        }
        Arrays.sort(known, 0, n);
        // Ascending indices, as the models' weights: dot products then add up in one order, at training and runtime.
        int[] indices = new int[n];
        double[] values = new double[n];
        int d = 0;
        int k = 0;
        while (k < n) {
            int j = k + 1;
            while (j < n && known[j] == known[k]) {
                j++;
            }
            indices[d] = known[k];
            values[d++] = (1 + Math.log(j - k)) * idf[known[k]];
            k = j;
        }
        indices = Arrays.copyOf(indices, d);
        values = Arrays.copyOf(values, d);
        return new SparseVector(indices, values).normalised();
    }

    public int size() {
        return idf.length;
    }
}
