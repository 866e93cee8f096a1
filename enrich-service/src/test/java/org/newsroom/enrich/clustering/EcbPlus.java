package org.newsroom.enrich.clustering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * ECB+ (Cybulska and Vossen 2014) as labelled stories: each document's gold story is its event, topic plus
 * half ({@code 1/ecb} and {@code 1/ecbplus} are two events of the same kind). The files are tokenised XML;
 * text is rebuilt sentence by sentence with tokens joined by spaces. An {@code ecbplus} file's sentence 0 is
 * its source URL, dropped: it names the publisher and the half. The corpus is not in the repository: it is in
 * {@code ../shared/data/story-clustering/} beside the checkout (its README.md gives source, licence and format).
 * Reduced copies of four train topics and of the eight dev topics are bundled with the tests in
 * {@code src/test/resources/stories/} (the dev ones as {@code ecbplus-dev.xml.gz}).
 */
record EcbPlus(String id, int topic, String event, String headline, List<String> sentences) {

    /** The dev topics of the split used in cross-document coreference work (Barhom et al. 2019). */
    static final Set<Integer> DEV_TOPICS = Set.of(2, 5, 12, 18, 21, 23, 34, 35);

    private static final Pattern DOCUMENT = Pattern.compile("<Document doc_name=\"((\\d+)_(\\d+)(ecb|ecbplus))\\.xml\"");
    private static final Pattern TOKEN = Pattern.compile("<token [^>]*sentence=\"(\\d+)\"[^>]*>([^<]*)</token>");

    boolean dev() {
        return DEV_TOPICS.contains(topic);
    }

    /** Every document under {@code folder} (its {@code ecbplus/ECB+/<topic>/} files), in topic and file order. */
    static List<EcbPlus> read(Path folder) {
        Path root = folder.resolve("ecbplus/ECB+");
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no ECB+ topics under " + root.toAbsolutePath()
                    + " (ECB+ is not in the repository: see docs/tagging.md section 4)");
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<EcbPlus> documents = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                documents.add(parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            documents.sort(Comparator.comparingInt(EcbPlus::topic).thenComparing(EcbPlus::event)
                    .thenComparingInt(d -> Integer.parseInt(d.id().replaceAll("^\\d+_(\\d+).*", "$1"))));
            return List.copyOf(documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EcbPlus parse(String xml) {
        Matcher head = DOCUMENT.matcher(xml);
        if (!head.find()) {
            throw new IllegalArgumentException("not an ECB+ document: " + xml.substring(0, Math.min(80, xml.length())));
        }
        boolean plus = head.group(4).equals("ecbplus");
        TreeMap<Integer, StringBuilder> sentences = new TreeMap<>();
        Matcher token = TOKEN.matcher(xml);
        while (token.find()) {
            int sentence = Integer.parseInt(token.group(1));
            if (plus && sentence == 0) {
                continue;
            }
            StringBuilder s = sentences.computeIfAbsent(sentence, k -> new StringBuilder());
            s.append(s.isEmpty() ? "" : " ").append(unescaped(token.group(2)));
        }
        List<String> text = sentences.values().stream().map(StringBuilder::toString).toList();
        int topic = Integer.parseInt(head.group(2));
        return new EcbPlus(head.group(1), topic, topic + "/" + head.group(4),
                text.isEmpty() ? "" : text.getFirst(), text.size() > 1 ? text.subList(1, text.size()) : List.of());
    }

    static List<EcbPlus> read(InputStream concatenated) {
        try {
            String all = new String(concatenated.readAllBytes(), StandardCharsets.UTF_8);
            List<EcbPlus> documents = new ArrayList<>();
            for (String part : all.split("(?=<Document doc_name=)")) {
                if (part.contains("<Document")) {
                    documents.add(parse(part));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescaped(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
