package org.newsroom.enrich.tagging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;

/**
 * {@code ./newsroom classifier-train [--reuters DIR | --folders DIR] [--out FILE] [--c COST]}: trains a
 * subject model on the Reuters-21578 ModApte training split, or on a user corpus laid out as one folder per
 * label holding text files (first line the headline, the rest the body).
 */
public final class ClassifierTrainCommand {

    private ClassifierTrainCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("newsroom.root", "."));
        Path reuters = root.resolve("data/reuters21578");
        Path folders = null;
        Path out = root.resolve("var/classifier/subject-model.txt.gz");
        SubjectTraining.Settings settings = SubjectTraining.Settings.defaults();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--reuters" -> reuters = Path.of(args[i + 1]);
                case "--folders" -> folders = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--c" -> settings = settings.withCost(Double.parseDouble(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long start = System.nanoTime();
        List<SubjectTraining.Labelled> docs = folders == null ? reutersTrain(reuters) : labelledFolders(folders);
        SubjectModel model = new SubjectTraining(settings, System.out).train(docs);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream);
        }
        System.out.printf("wrote %s (%,d bytes) in %.0f s%n", out, Files.size(out), (System.nanoTime() - start) / 1e9);
    }

    static List<SubjectTraining.Labelled> reutersTrain(Path folder) {
        return Reuters21578.read(folder).stream()
                .filter(s -> s.split() == ReutersStory.ModApte.train && !s.topics().isEmpty())
                .map(s -> new SubjectTraining.Labelled(TermWeights.document(s.title(), s.body()), Set.copyOf(s.topics())))
                .toList();
    }

    /** Latin-1 reads any byte, so one stray byte in a user corpus never stops training. */
    static List<SubjectTraining.Labelled> labelledFolders(Path root) throws IOException {
        List<SubjectTraining.Labelled> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String label = root.relativize(file).getName(0).toString();
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                int cut = text.indexOf('\n');
                String headline = cut < 0 ? text : text.substring(0, cut);
                docs.add(new SubjectTraining.Labelled(
                        TermWeights.document(headline, cut < 0 ? "" : text.substring(cut)), Set.of(label)));
            }
        }
        return docs;
    }
}
