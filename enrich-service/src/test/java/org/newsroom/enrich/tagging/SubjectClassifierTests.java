package org.newsroom.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Tag;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.normalising.ArticleTokens;

class SubjectClassifierTests {

    private static final String EARNINGS_HEADLINE = "ACME CORP 1ST QTR NET";
    private static final String EARNINGS = "Shr 32 cts vs 28 cts. Net 4.1 mln dlrs vs 3.6 mln. Revs 41.2 mln vs 38.0 mln. "
            + "Qtly dividend eight cts vs eight cts prior, payable April 30 to holders of record April 15.";

    @Test
    void writesEachPushAsTheFormatterWould() {
        List<Double> pushes = new ArrayList<>(List.of(Double.POSITIVE_INFINITY, Double.NaN, 1e-9, 1e-4, 0.004999, 0.005, 0.015, 0.125, 0.145, 0.9949999,
                0.995, 1.005, 2.675, 9.995, 1234.565, 1.0e7 + 0.005));
        for (int cents = 0; cents < 1000; cents++) { // every half-cent boundary to 10, and its neighbours
            double boundary = cents / 100.0 + 0.005;
            pushes.addAll(List.of(boundary, Math.nextUp(boundary), Math.nextDown(boundary)));
        }
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            pushes.add(random.nextDouble() * 5);
        }

        for (double push : pushes) {
            assertThat(SubjectClassifier.signedHundredths(push)).as("%s", push)
                    .isEqualTo(String.format(Locale.ROOT, "%+.2f", push));
        }
    }

    @Test
    void theBundledReutersModelTagsAnEarningsReportAsEarnWithEvidence() {
        SubjectClassifier classifier = new SubjectClassifier(SubjectModel.read(SubjectModels.bundled()), SubjectClassifier.SCHEME);
        List<Tag> tags = classifier.tags(EARNINGS_HEADLINE, EARNINGS);
        assertThat(tags).extracting(Tag::id).contains("reuters-topic:earn");
        assertThat(tags.getFirst().evidence()).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("word '"));
    }

    /**
     * The classifier scores through its inverted index; each subject's own dense dot product, and the vector built
     * with a sorted map as it was before, are the oracle: equal to the last bit on 4,000 Reuters stories.
     */
    @Test
    void scoresEverySubjectExactlyAsItsOwnWeightVectorDoes() {
        SubjectModel model = SubjectModel.read(SubjectModels.bundled());
        SubjectClassifier classifier = new SubjectClassifier(model, SubjectClassifier.SCHEME);
        List<ReutersStory> stories = Reuters21578.read(Path.of("..", "data", "reuters21578")).stream().limit(4000).toList();
        for (ReutersStory story : stories) {
            List<String> document = ArticleTokens.of(story.title(), story.paragraphs()).document();
            SparseVector x = model.terms().vector(document);
            assertThat(x).usingRecursiveComparison().isEqualTo(sortedMapVector(model.terms(), document));
            Map<String, Double> margins = new HashMap<>();
            classifier.decisions(x, false).forEach(d -> margins.put(d.subject().label(), d.margin()));
            for (SubjectModel.Subject s : model.subjects()) {
                assertThat(margins.get(s.label())).as(s.label()).isEqualTo(s.decision(x) - s.threshold());
            }
        }
    }

    private static SparseVector sortedMapVector(TermWeights terms, List<String> document) {
        Map<Integer, Integer> tf = new TreeMap<>();
        document.stream().map(terms.index()::get).filter(Objects::nonNull).forEach(i -> tf.merge(i, 1, Integer::sum));
        int[] indices = tf.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] values = tf.entrySet().stream()
                .mapToDouble(e -> (1 + Math.log(e.getValue())) * terms.idf()[e.getKey()]).toArray();
        return new SparseVector(indices, values).normalised();
    }

    @Test
    void aModelLearnsSubjectsFromLabelledTextAndSurvivesAWriteReadRoundTrip() {
        List<SubjectTraining.Labelled> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(new SubjectTraining.Labelled("wheat harvest grain tonnes crop farmers " + i, Set.of("grain")));
            docs.add(new SubjectTraining.Labelled("bank rate interest money market dealers " + i, Set.of("money")));
        }
        SubjectModel trained = new SubjectTraining(new SubjectTraining.Settings(List.of(1.0), List.of(0.3), List.of(-0.4), 3, 1, 100), System.out).train(docs);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        trained.write(file);
        SubjectModel read = SubjectModel.read(new ByteArrayInputStream(file.toByteArray()));

        SubjectClassifier classifier = new SubjectClassifier(read, "test");
        assertThat(classifier.labels("Grain", "the wheat crop and grain harvest", false)).containsExactly("grain");
        assertThat(classifier.labels("Rates", "the bank raised its interest rate", false)).containsExactly("money");
    }

    @Test
    void trainingChoosesItsMetaParametersByCrossValidationOnTheTrainingDocumentsAndSaysWhich() {
        List<SubjectTraining.Labelled> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(new SubjectTraining.Labelled("wheat harvest grain tonnes crop farmers " + i, Set.of("grain")));
            docs.add(new SubjectTraining.Labelled("bank rate interest money market dealers " + i, Set.of("money")));
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SubjectTraining training = new SubjectTraining(new SubjectTraining.Settings(List.of(0.5, 1.0), List.of(0.0, 0.5),
                List.of(-0.2, -0.4), 3, 1, 100), new PrintStream(printed, true, StandardCharsets.UTF_8));

        SubjectClassifier classifier = new SubjectClassifier(training.train(docs), "test");

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("3-fold cross-validation on the training documents")
                .contains("C=0.5").contains("C=1.0").containsPattern("chosen: C=\\S+, least F1 \\S+, lowest cut \\S+");
        assertThat(classifier.labels("Grain", "the wheat crop and grain harvest", false)).containsExactly("grain");
    }
}
