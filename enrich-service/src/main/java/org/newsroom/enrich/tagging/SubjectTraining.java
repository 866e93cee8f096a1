package org.newsroom.enrich.tagging;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Trains a {@link SubjectModel}: TF-IDF features, one L2-regularised linear SVM per subject (liblinear),
 * and per-subject thresholds chosen to maximise F1 on out-of-fold decisions. The meta-parameters (the SVM cost
 * C and the two threshold guards, see {@link Thresholds}) are chosen first by k-fold cross-validation on the
 * training documents only (see {@link #choose}). Test data never tunes anything.
 */
public final class SubjectTraining {

    /** A training document: its text (see {@link TermWeights#document}) and its subject labels. */
    public record Labelled(String text, Set<String> labels) {
    }

    /**
     * @param costs        SVM costs C to choose from
     * @param minF1s       threshold guards to choose from: least held-out F1 for a tuned cut
     * @param floors       threshold guards to choose from: lowest cut
     * @param folds        folds for cross-validation (meta-parameters) and out-of-fold threshold tuning
     * @param minDocs      a word enters the vocabulary when this many documents have it
     * @param keptWeights  largest-magnitude weights kept per subject, to keep the model file small
     */
    public record Settings(List<Double> costs, List<Double> minF1s, List<Double> floors, int folds, int minDocs,
                           int keptWeights) {

        public Settings {
            costs = List.copyOf(costs);
            minF1s = List.copyOf(minF1s);
            floors = List.copyOf(floors);
            if (costs.isEmpty() || minF1s.isEmpty() || floors.isEmpty() || folds < 2) {
                throw new IllegalArgumentException("need at least one candidate of each meta-parameter and 2 folds");
            }
        }

        public static Settings defaults() {
            return new Settings(List.of(0.25, 0.5, 1.0, 2.0), List.of(0.0, 0.2, 0.3, 0.4, 0.5),
                    List.of(-0.2, -0.4, -0.6, -0.8), 5, 2, 2000);
        }

        /** These settings with the SVM cost fixed instead of chosen. */
        public Settings withCost(double c) {
            return new Settings(List.of(c), minF1s, floors, folds, minDocs, keptWeights);
        }
    }

    /** The meta-parameters chosen, and the micro-F1 they reached in cross-validation on the training data. */
    public record Choice(double c, double minF1, double floor, double crossValidatedMicroF1) {
    }

    private final Settings settings;
    private final PrintStream progress;

    public SubjectTraining(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
        Linear.disableDebugOutput();
    }

    public SubjectModel train(List<Labelled> docs) {
        TermWeights terms = TermWeights.fit(docs.stream().map(Labelled::text).toList(), settings.minDocs());
        Feature[][] x = docs.stream().map(d -> features(terms.vector(d.text()), terms.size()))
                .toArray(Feature[][]::new);
        Set<String> labels = new TreeSet<>();
        docs.forEach(d -> labels.addAll(d.labels()));
        List<double[]> ys = labels.stream()
                .map(label -> docs.stream().mapToDouble(d -> d.labels().contains(label) ? 1 : -1).toArray())
                .toList();
        progress.printf("training %d subjects on %d documents, %d words%n", labels.size(), docs.size(), terms.size());
        Map<Double, List<double[]>> outOfFold = new LinkedHashMap<>();
        for (double c : settings.costs()) {
            outOfFold.put(c, ys.stream().map(y -> outOfFold(x, y, terms.size(), c)).toList());
            progress.print('.');
        }
        progress.println();
        Choice choice = choose(outOfFold, ys);
        Thresholds thresholds = new Thresholds(choice.minF1(), choice.floor());
        List<SubjectModel.Subject> subjects = new ArrayList<>();
        int i = 0;
        for (String label : labels) {
            double[] y = ys.get(i);
            double threshold = thresholds.bestF1(outOfFold.get(choice.c()).get(i++), y);
            Model model = fit(x, y, terms.size(), choice.c());
            subjects.add(subject(label, threshold, model, terms.size()));
            progress.print('.');
        }
        progress.println();
        return new SubjectModel(terms, List.copyOf(subjects));
    }

    /**
     * k-fold cross-validation of the meta-parameters on out-of-fold decisions: each fold's documents are scored
     * by SVMs trained without them, and each subject's cut is tuned on the other folds' documents only; the
     * candidate with the best micro-F1 over all folds and subjects wins (ties: the one listed first).
     */
    Choice choose(Map<Double, List<double[]>> outOfFold, List<double[]> ys) {
        List<Double> minF1s = settings.minF1s();
        List<Double> floors = settings.floors();
        if (outOfFold.size() == 1 && minF1s.size() == 1 && floors.size() == 1) {
            return new Choice(settings.costs().getFirst(), minF1s.getFirst(), floors.getFirst(), Double.NaN);
        }
        progress.printf("choosing C, least F1 and lowest cut by %d-fold cross-validation on the training documents%n",
                settings.folds());
        int size = ys.getFirst().length;
        Choice best = null;
        for (Map.Entry<Double, List<double[]>> candidate : outOfFold.entrySet()) {
            for (double minF1 : minF1s) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  C=%-5s least F1 %.2f:",
                        candidate.getKey(), minF1));
                for (double floor : floors) {
                    Thresholds thresholds = new Thresholds(minF1, floor);
                    // [0] true positives, [1] false positives, [2] false negatives
                    long[] counts = new long[3];
                    for (int s = 0; s < ys.size(); s++) {
                        double[] y = ys.get(s);
                        double[] d = candidate.getValue().get(s);
                        for (int fold = 0; fold < settings.folds(); fold++) {
                            int[] tuning = foldIndices(size, fold, false);
                            double cut = thresholds.bestF1(Arrays.stream(tuning).mapToDouble(i -> d[i]).toArray(),
                                    Arrays.stream(tuning).mapToDouble(i -> y[i]).toArray());
                            for (int i : foldIndices(size, fold, true)) {
                                boolean predicted = d[i] > cut;
                                if (predicted || y[i] > 0) {
                                    counts[!predicted ? 2 : y[i] > 0 ? 0 : 1]++;
                                }
                            }
                        }
                    }
                    double f1 = 2.0 * counts[0] / (2.0 * counts[0] + counts[1] + counts[2]);
                    line.append(String.format(Locale.ROOT, "  lowest cut %.2f -> micro-F1 %.4f", floor, f1));
                    if (best == null || f1 > best.crossValidatedMicroF1()) {
                        best = new Choice(candidate.getKey(), minF1, floor, f1);
                    }
                }
                progress.println(line);
            }
        }
        progress.printf(Locale.ROOT, "chosen: C=%s, least F1 %.2f, lowest cut %.2f (cross-validated micro-F1 %.4f)%n",
                best.c(), best.minF1(), best.floor(), best.crossValidatedMicroF1());
        return best;
    }

    private int[] foldIndices(int size, int fold, boolean in) {
        return IntStream.range(0, size).filter(i -> (i % settings.folds() == fold) == in).toArray();
    }

    private double[] outOfFold(Feature[][] x, double[] y, int n, double c) {
        double[] decisions = new double[y.length];
        for (int fold = 0; fold < settings.folds(); fold++) {
            int[] in = foldIndices(y.length, fold, false);
            Model model = fit(Arrays.stream(in).mapToObj(i -> x[i]).toArray(Feature[][]::new),
                    Arrays.stream(in).mapToDouble(i -> y[i]).toArray(), n, c);
            for (int i : foldIndices(y.length, fold, true)) {
                decisions[i] = decision(model, x[i]);
            }
        }
        return decisions;
    }

    private static Model fit(Feature[][] x, double[] y, int n, double c) {
        Problem problem = new Problem();
        problem.l = y.length;
        problem.n = n + 1;
        problem.x = x;
        problem.y = y;
        problem.bias = 1;
        return Linear.train(problem, new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, c, 0.01));
    }

    /** Decision value for the positive class, whichever label liblinear saw first. */
    private static double decision(Model model, Feature[] x) {
        double[] values = new double[1];
        Linear.predictValues(model, x, values);
        return model.getLabels()[0] == 1 ? values[0] : -values[0];
    }

    private SubjectModel.Subject subject(String label, double threshold, Model model, int n) {
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] w = model.getFeatureWeights();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (w[i] != 0) {
                kept.add(i);
            }
        }
        kept.sort((a, b) -> Double.compare(Math.abs(w[b]), Math.abs(w[a])));
        int[] indices = kept.stream().limit(settings.keptWeights()).mapToInt(Integer::intValue).sorted().toArray();
        double[] values = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            values[i] = sign * w[indices[i]];
        }
        return new SubjectModel.Subject(label, threshold, sign * w[n], new SparseVector(indices, values));
    }

    /** liblinear's features are 1-based, and the bias is a constant last feature the caller must add. */
    private static Feature[] features(SparseVector v, int n) {
        Feature[] f = new Feature[v.indices().length + 1];
        for (int i = 0; i < v.indices().length; i++) {
            f[i] = new FeatureNode(v.indices()[i] + 1, v.values()[i]);
        }
        f[v.indices().length] = new FeatureNode(n + 1, 1.0);
        return f;
    }
}
