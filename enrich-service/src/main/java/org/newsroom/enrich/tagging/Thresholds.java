package org.newsroom.enrich.tagging;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Picks a decision threshold from held-out decisions: the cut that maximises F1 (SCut), with two guards whose
 * values {@link SubjectTraining} chooses by cross-validation on the training data.
 *
 * @param minF1 a cut that reaches only a poorer F1 on held-out data (a subject with one or two examples) would
 *              flood the output with false positives; such subjects keep the SVM's own boundary (SCut.fbr)
 * @param floor the lowest cut accepted, for the same reason
 */
record Thresholds(double minF1, double floor) {

    /** With nothing trustworthy to learn from, keep the SVM's own boundary. */
    static final double DEFAULT = 0.0;

    double bestF1(double[] decisions, double[] y) {
        Integer[] order = new Integer[y.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> decisions[i]).reversed());
        long positives = Arrays.stream(y).filter(v -> v > 0).count();
        double best = 0;
        double threshold = DEFAULT;
        int truePositives = 0;
        for (int k = 0; k < order.length - 1 && positives > 0; k++) {
            if (y[order[k]] > 0) {
                truePositives++;
            }
            double f1 = 2.0 * truePositives / (k + 1 + positives);
            if (f1 > best) {
                best = f1;
                threshold = (decisions[order[k]] + decisions[order[k + 1]]) / 2;
            }
        }
        return best < minF1 ? DEFAULT : Math.max(threshold, floor);
    }
}
