package org.newsroom.enrich.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.newsroom.contracts.Tag;

/**
 * Tags an article with the subjects of a trained {@link SubjectModel} whose decision value passes the tuned
 * threshold. The evidence names the words that pushed the decision most.
 */
public final class SubjectClassifier {

    public static final String SCHEME = "reuters-topic";

    private final SubjectModel model;
    private final String scheme;
    /** The vocabulary by index, for evidence: looking a word up in the model's map is a scan. */
    private final String[] words;

    public SubjectClassifier(SubjectModel model, String scheme) {
        this.model = model;
        this.scheme = scheme;
        this.words = new String[model.terms().size()];
        model.terms().index().forEach((word, i) -> words[i] = word);
    }

    public List<Tag> tags(String headline, String body) {
        SparseVector x = model.terms().vector(TermWeights.document(headline, body));
        return decisions(x).stream()
                .filter(d -> d.margin() > 0)
                .map(d -> new Tag(scheme + ":" + d.subject().label(), d.subject().label(), scheme,
                        score(d.margin()), evidence(d.subject(), x)))
                .toList();
    }

    /** The labels the model assigns; with {@code atLeastOne}, the best subject when none passes. */
    public List<String> labels(String headline, String body, boolean atLeastOne) {
        List<Decision> decisions = decisions(model.terms().vector(TermWeights.document(headline, body)));
        List<String> passed = decisions.stream().filter(d -> d.margin() > 0).map(d -> d.subject().label()).toList();
        if (passed.isEmpty() && atLeastOne && !decisions.isEmpty()) {
            return List.of(decisions.getFirst().subject().label());
        }
        return passed;
    }

    /** How far each subject's decision is above its threshold, best first. */
    List<Decision> decisions(SparseVector x) {
        List<Decision> decisions = new ArrayList<>();
        for (SubjectModel.Subject s : model.subjects()) {
            decisions.add(new Decision(s, s.decision(x) - s.threshold()));
        }
        decisions.sort(Comparator.comparingDouble(Decision::margin).reversed());
        return decisions;
    }

    record Decision(SubjectModel.Subject subject, double margin) {
    }

    /** 0.5 at the threshold, rising towards 1 with the margin. */
    private static double score(double margin) {
        return Math.round(1000.0 / (1 + Math.exp(-4 * margin))) / 1000.0;
    }

    private List<String> evidence(SubjectModel.Subject s, SparseVector x) {
        SparseVector w = s.weights();
        List<double[]> contributions = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < x.indices().length; i++) {
            while (j < w.indices().length && w.indices()[j] < x.indices()[i]) {
                j++;
            }
            if (j < w.indices().length && w.indices()[j] == x.indices()[i]) {
                contributions.add(new double[] {x.indices()[i], w.values()[j] * x.values()[i]});
            }
        }
        contributions.sort(Comparator.comparingDouble((double[] c) -> c[1]).reversed());
        return contributions.stream().limit(3).filter(c -> c[1] > 0)
                .map(c -> String.format(Locale.ROOT, "word '%s' (%+.2f)", words[(int) c[0]], c[1]))
                .toList();
    }
}
