package org.newsroom.enrich.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained one-vs-rest linear subject model: the vocabulary with idf, and per subject a weight vector, a
 * bias and the decision threshold tuned on held-out training data. Stored as gzipped text, one line per
 * word and per subject, so a model file can be inspected with {@code zcat}.
 */
public record SubjectModel(TermWeights terms, List<Subject> subjects) {

    private static final String MAGIC = "newsroom-subject-model 1";

    /** One subject: fires when {@code bias + weights . x} exceeds {@code threshold}. */
    public record Subject(String label, double threshold, double bias, SparseVector weights) {

        double decision(SparseVector x) {
            return bias + weights.dot(x);
        }
    }

    public static SubjectModel read(InputStream in) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            if (!MAGIC.equals(reader.readLine())) {
                throw new IllegalArgumentException("not a subject model (expected '" + MAGIC + "')");
            }
            int words = Integer.parseInt(reader.readLine().split(" ")[1]);
            Map<String, Integer> index = new HashMap<>();
            double[] idf = new double[words];
            for (int i = 0; i < words; i++) {
                String[] line = reader.readLine().split(" ");
                index.put(line[0], i);
                idf[i] = Double.parseDouble(line[1]);
            }
            int count = Integer.parseInt(reader.readLine().split(" ")[1]);
            List<Subject> subjects = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                subjects.add(subject(reader.readLine().split(" ")));
            }
            return new SubjectModel(new TermWeights(Map.copyOf(index), idf), List.copyOf(subjects));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Subject subject(String[] line) {
        int k = line.length - 3;
        int[] indices = new int[k];
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            String[] pair = line[i + 3].split(":");
            indices[i] = Integer.parseInt(pair[0]);
            values[i] = Double.parseDouble(pair[1]);
        }
        return new Subject(line[0], Double.parseDouble(line[1]), Double.parseDouble(line[2]),
                new SparseVector(indices, values));
    }

    public void write(OutputStream out) {
        try (PrintWriter writer = new PrintWriter(new GZIPOutputStream(out), false, StandardCharsets.UTF_8)) {
            writer.println(MAGIC);
            String[] byIndex = new String[terms.size()];
            terms.index().forEach((word, i) -> byIndex[i] = word);
            writer.println("words " + byIndex.length);
            for (int i = 0; i < byIndex.length; i++) {
                writer.println(byIndex[i] + " " + String.format(Locale.ROOT, "%.4f", terms.idf()[i]));
            }
            writer.println("subjects " + subjects.size());
            for (Subject s : subjects) {
                StringBuilder line = new StringBuilder(s.label()).append(' ')
                        .append(String.format(Locale.ROOT, "%.4f %.4f", s.threshold(), s.bias()));
                for (int i = 0; i < s.weights().indices().length; i++) {
                    line.append(' ').append(s.weights().indices()[i]).append(':')
                            .append(String.format(Locale.ROOT, "%.4f", s.weights().values()[i]));
                }
                writer.println(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
