package org.newsroom.enrich.tagging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Micro- and macro-averaged F1 of multi-label decisions over a fixed set of categories. */
final class Scores {

    private final Set<String> categories;
    private final Map<String, int[]> counts = new HashMap<>();

    Scores(Set<String> categories) {
        this.categories = categories;
        categories.forEach(c -> counts.put(c, new int[3]));
    }

    /** Counts true positives, false positives and false negatives of one document. */
    void add(Set<String> gold, Set<String> predicted) {
        for (String c : categories) {
            boolean g = gold.contains(c);
            boolean p = predicted.contains(c);
            int[] n = counts.get(c);
            if (g && p) {
                n[0]++;
            } else if (p) {
                n[1]++;
            } else if (g) {
                n[2]++;
            }
        }
    }

    double microF1() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int[] n : counts.values()) {
            tp += n[0];
            fp += n[1];
            fn += n[2];
        }
        return f1(tp, fp, fn);
    }

    double macroF1() {
        return counts.values().stream().mapToDouble(n -> f1(n[0], n[1], n[2])).average().orElse(0);
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
