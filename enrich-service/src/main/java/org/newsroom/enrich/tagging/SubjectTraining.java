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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains a {@link SubjectModel}: TF-IDF features, one L2-regularised linear SVM per subject (liblinear),
 * and per-subject thresholds chosen to maximise F1 on out-of-fold decisions, so tuning never sees data the
 * final evaluation uses.
 */
public final class SubjectTraining {

    /** A training document: its text (see {@link TermWeights#document}) and its subject labels. */
    public record Labelled(String text, Set<String> labels) {
    }

    /**
     * @param c            SVM cost
     * @param folds        folds for out-of-fold threshold tuning
     * @param minDocs      a word enters the vocabulary when this many documents have it
     * @param keptWeights  largest-magnitude weights kept per subject, to keep the model file small
     */
    public record Settings(double c, int folds, int minDocs, int keptWeights) {

        public static Settings defaults() {
            return new Settings(1.0, 5, 2, 2000);
        }
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
        progress.printf("training %d subjects on %d documents, %d words%n", labels.size(), docs.size(), terms.size());
        List<SubjectModel.Subject> subjects = new ArrayList<>();
        for (String label : labels) {
            double[] y = docs.stream().mapToDouble(d -> d.labels().contains(label) ? 1 : -1).toArray();
            double threshold = Thresholds.bestF1(outOfFold(x, y, terms.size()), y);
            Model model = fit(x, y, terms.size());
            subjects.add(subject(label, threshold, model, terms.size()));
            progress.print('.');
        }
        progress.println();
        return new SubjectModel(terms, List.copyOf(subjects));
    }

    private double[] outOfFold(Feature[][] x, double[] y, int n) {
        double[] decisions = new double[y.length];
        for (int fold = 0; fold < settings.folds(); fold++) {
            List<Integer> in = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                (i % settings.folds() == fold ? out : in).add(i);
            }
            Model model = fit(in.stream().map(i -> x[i]).toArray(Feature[][]::new),
                    in.stream().mapToDouble(i -> y[i]).toArray(), n);
            for (int i : out) {
                decisions[i] = decision(model, x[i]);
            }
        }
        return decisions;
    }

    private Model fit(Feature[][] x, double[] y, int n) {
        Problem problem = new Problem();
        problem.l = y.length;
        problem.n = n + 1;
        problem.x = x;
        problem.y = y;
        problem.bias = 1;
        return Linear.train(problem, new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, settings.c(), 0.01));
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
