package org.newsroom.enrich.tagging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.normalising.ArticleTokens;

/**
 * Tags an article with the subjects of a trained {@link SubjectModel} whose decision value passes the tuned
 * threshold. The evidence names the words that pushed the decision most.
 */
public final class SubjectClassifier {

    public static final String SCHEME = "reuters-topic";
    private static final int EVIDENCE_WORDS = 3;

    private final SubjectModel model;
    private final String scheme;
    /** The vocabulary by index, for evidence: looking a word up in the model's map is a scan. */
    private final String[] words;
    /**
     * The weights by word (an inverted index): per vocabulary index, the subjects that weigh it and how much. An
     * article has some hundred distinct words and each is weighed by a few subjects, so scoring touches those
     * weights only, not every subject's whole weight vector.
     */
    private final int[][] subjectsOf;
    private final double[][] weightsOf;

    public SubjectClassifier(SubjectModel model, String scheme) {
        this.model = model;
        this.scheme = scheme;
        this.words = new String[model.terms().size()];
        model.terms().index().forEach((word, i) -> words[i] = word);
        int[] postings = new int[words.length];
        for (SubjectModel.Subject s : model.subjects()) {
            for (int t : s.weights().indices()) {
                postings[t]++;
            }
        }
        this.subjectsOf = new int[words.length][];
        this.weightsOf = new double[words.length][];
        for (int t = 0; t < words.length; t++) {
            subjectsOf[t] = new int[postings[t]];
            weightsOf[t] = new double[postings[t]];
            postings[t] = 0;
        }
        for (int subject = 0; subject < model.subjects().size(); subject++) {
            SparseVector w = model.subjects().get(subject).weights();
            for (int k = 0; k < w.indices().length; k++) {
                int t = w.indices()[k];
                subjectsOf[t][postings[t]] = subject;
                weightsOf[t][postings[t]++] = w.values()[k];
            }
        }
    }

    public List<Tag> tags(String headline, String body) {
        return tags(ArticleTokens.of(headline, body));
    }

    public List<Tag> tags(ArticleTokens tokens) {
        SparseVector x = model.terms().vector(tokens.document());
        return decisions(x, true).stream()
                .map(d -> new Tag(scheme + ":" + d.subject().label(), d.subject().label(), scheme,
                        score(d.margin()), evidence(d.index(), x)))
                .toList();
    }

    /** The labels the model assigns; with {@code atLeastOne}, the best subject when none passes. */
    public List<String> labels(String headline, String body, boolean atLeastOne) {
        List<Decision> decisions = decisions(model.terms().vector(ArticleTokens.of(headline, body).document()), false);
        List<String> passed = decisions.stream().filter(d -> d.margin() > 0).map(d -> d.subject().label()).toList();
        if (passed.isEmpty() && atLeastOne && !decisions.isEmpty()) {
            return List.of(decisions.getFirst().subject().label());
        }
        return passed;
    }

    /**
     * How far each subject's decision is above its threshold, best first (a stable sort: equal margins in model
     * order), only the subjects that pass it if {@code passedOnly}. Equal to {@code Subject.decision(x)} to the
     * last bit: each subject's products are added in ascending word order, as {@link SparseVector#dot} adds them.
     */
    List<Decision> decisions(SparseVector x, boolean passedOnly) {
        double[] dots = new double[model.subjects().size()];
        for (int i = 0; i < x.indices().length; i++) {
            int[] subjects = subjectsOf[x.indices()[i]];
            double[] weights = weightsOf[x.indices()[i]];
            for (int k = 0; k < subjects.length; k++) {
                dots[subjects[k]] += weights[k] * x.values()[i];
            }
        }
        List<Decision> decisions = new ArrayList<>(dots.length);
        for (int subject = 0; subject < dots.length; subject++) {
            SubjectModel.Subject s = model.subjects().get(subject);
            double margin = s.bias() + dots[subject] - s.threshold();
            if (margin > 0 || !passedOnly) {
                decisions.add(new Decision(subject, s, margin));
            }
        }
        decisions.sort(Comparator.comparingDouble(Decision::margin).reversed());
        return decisions;
    }

    /** {@code index}: the subject's position in the model. */
    record Decision(int index, SubjectModel.Subject subject, double margin) {
    }

    /** 0.5 at the threshold, rising towards 1 with the margin. */
    private static double score(double margin) {
        return Math.round(1000.0 / (1 + Math.exp(-4 * margin))) / 1000.0;
    }

    /**
     * A positive push as {@code String.format(Locale.ROOT, "%+.2f", push)} writes it, without the formatter (a few
     * evidence lines per article, on every article): both round the digits of {@link Double#toString} half up. A
     * push that is not finite (only an infinite model weight would give one) is left to the formatter.
     */
    static String signedHundredths(double push) {
        if (!Double.isFinite(push)) {
            return String.format(Locale.ROOT, "%+.2f", push);
        }
        return "+" + BigDecimal.valueOf(push).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The words that pushed the decision most, most first (of equal pushes the earlier word): at most three, only
     * those that pushed it up. Each word's weight comes from the inverted index, whose subjects ascend.
     */
    private List<String> evidence(int subject, SparseVector x) {
        int[] best = new int[EVIDENCE_WORDS];
        double[] pushes = new double[EVIDENCE_WORDS];
        int found = 0;
        for (int i = 0; i < x.indices().length; i++) {
            int t = x.indices()[i];
            int k = Arrays.binarySearch(subjectsOf[t], subject);
            double push = k < 0 ? 0 : weightsOf[t][k] * x.values()[i];
            if (push > 0 && (found < EVIDENCE_WORDS || push > pushes[found - 1])) {
                int at = Math.min(found, EVIDENCE_WORDS - 1);
                while (at > 0 && pushes[at - 1] < push) {
                    best[at] = best[at - 1];
                    pushes[at] = pushes[at - 1];
                    at--;
                }
                best[at] = t;
                pushes[at] = push;
                found = Math.min(found + 1, EVIDENCE_WORDS);
            }
        }
        List<String> evidence = new ArrayList<>(found);
        for (int j = 0; j < found; j++) {
            evidence.add("word '" + words[best[j]] + "' (" + signedHundredths(pushes[j]) + ")");
        }
        return evidence;
    }
}
