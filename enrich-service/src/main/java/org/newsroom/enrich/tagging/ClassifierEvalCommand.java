package org.newsroom.enrich.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;

/**
 * {@code ./newsroom classifier-eval [--model FILE]}: micro- and macro-F1 of a subject model on the
 * Reuters-21578 ModApte TEST split, over the 90 categories with at least one training and one test story,
 * printed beside the published figures.
 */
public final class ClassifierEvalCommand {

    private ClassifierEvalCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("newsroom.root", "."));
        Path modelFile = args.length == 2 && args[0].equals("--model") ? Path.of(args[1]) : null;
        SubjectModel model;
        try (InputStream in = modelFile == null ? SubjectModels.bundled() : Files.newInputStream(modelFile)) {
            model = SubjectModel.read(in);
        }
        List<ReutersStory> stories = Reuters21578.read(root.resolve("data/reuters21578"));
        Set<String> categories = categories(stories);
        List<ReutersStory> test = stories.stream()
                .filter(s -> s.split() == ReutersStory.ModApte.test && !s.topics().isEmpty()).toList();
        SubjectClassifier classifier = new SubjectClassifier(model, SubjectClassifier.SCHEME);
        System.out.printf("Reuters-21578 ModApte: %d categories, %d test stories, model %s%n",
                categories.size(), test.size(), modelFile == null ? "(bundled)" : modelFile);
        for (boolean atLeastOne : new boolean[] {false, true}) {
            Scores scores = scores(classifier, test, categories, atLeastOne);
            System.out.printf("%-52s micro-F1 %.4f  macro-F1 %.4f%n",
                    atLeastOne ? "this model, at least one subject per story" : "this model, tuned thresholds only",
                    scores.microF1(), scores.macroF1());
        }
        System.out.printf("%-52s micro-F1 .8599  macro-F1 .5251%n", "Yang & Liu 1999, SVM");
        System.out.printf("%-52s micro-F1 .8567  macro-F1 .5242%n", "Yang & Liu 1999, kNN");
        System.out.printf("%-52s micro-averaged break-even .875%n", "Joachims 1998, linear SVM");
    }

    /** The classifier's labels against Reuters' on {@code stories}, over {@code categories}. */
    static Scores scores(SubjectClassifier classifier, List<ReutersStory> stories, Set<String> categories,
                         boolean atLeastOne) {
        Scores scores = new Scores(categories);
        for (ReutersStory s : stories) {
            scores.add(Set.copyOf(s.topics()), Set.copyOf(classifier.labels(s.title(), s.body(), atLeastOne)));
        }
        return scores;
    }

    /** Categories with at least one training and one test story (the 90 of the literature). */
    static Set<String> categories(List<ReutersStory> stories) {
        Map<ReutersStory.ModApte, Set<String>> seen = new HashMap<>();
        stories.forEach(s -> seen.computeIfAbsent(s.split(), k -> new TreeSet<>()).addAll(s.topics()));
        Set<String> both = new TreeSet<>(seen.getOrDefault(ReutersStory.ModApte.train, Set.of()));
        both.retainAll(seen.getOrDefault(ReutersStory.ModApte.test, Set.of()));
        return both;
    }
}
