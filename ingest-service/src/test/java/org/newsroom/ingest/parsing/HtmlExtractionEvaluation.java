package org.newsroom.ingest.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.newsroom.contracts.Extraction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores main-text extraction, the production path (decoding, {@link HtmlArticleParser}, before cleaning), on two
 * sets, each split into pages the extractor was developed on ("dev") and pages it was not ("held-out"):
 * <ul>
 *   <li>the Zyte article-extraction benchmark (a ground-truth article body per page), with the benchmark's own
 *   metric ({@link ShingleOverlap}) and the older bag-of-tokens one ({@link TokenOverlap}). The 20 pages of
 *   {@code samples/formats/html} are dev; given the benchmark repository's folder ({@code ground-truth.json} and
 *   {@code html/<id>.html.gz}), every other page of it is held-out;</li>
 *   <li>{@code data/html-eval} (trafilatura's with / without segments, {@link SegmentCounts}), split by
 *   {@link #heldOut(String)}. Held-out pages are only summed, never listed, unless asked.</li>
 * </ul>
 * Run with {@code ./newsroom html-extraction-eval}.
 */
public final class HtmlExtractionEvaluation {

    /** One benchmark page's scores. */
    record PageScore(String id, String url, boolean dev, ShingleOverlap shingles, TokenOverlap tokens,
                     Extraction extraction) {
    }

    /** One html-eval page's segment counts. */
    record SegmentPage(String file, boolean dev, SegmentCounts counts, Extraction extraction) {
    }

    /** What an extractor gives for a page, and how it found it when it says so. */
    record Output(String text, Extraction extraction) {
    }

    /** An extractor, given a page's id or file name and its raw bytes. */
    interface Extractor {
        Output text(String key, byte[] page);
    }

    /** Our extractor: the production path. */
    static final Extractor OURS = (key, page) -> extract(page);

    public static void main(String[] args) throws IOException {
        Path benchmark = Path.of(args.length > 0 ? args[0] : "samples/formats/html");
        Path devSet = Path.of(args.length > 1 ? args[1] : "samples/formats/html");
        Path segmentSet = Path.of(args.length > 2 ? args[2] : "data/html-eval");
        boolean listHeldOut = false;
        Map<String, Path> others = new TreeMap<>();
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--list-held-out")) {
                listHeldOut = true;
            } else if (args[i].equals("--outputs") && i + 1 < args.length) {
                String[] named = args[++i].split("=", 2);
                others.put(named[0], Path.of(named[1]));
            }
        }

        List<PageScore> pages = evaluate(benchmark, ids(devSet), OURS);
        System.out.printf("Zyte article-extraction benchmark (%s)%n", benchmark);
        System.out.printf("%-10s %-5s %-56s %7s %7s %7s %9s%n", "page", "set", "url", "P", "R", "F1", "token F1");
        for (PageScore page : pages) {
            if (page.dev() || listHeldOut) {
                String url = page.url().length() > 56 ? page.url().substring(0, 55) + "…" : page.url();
                System.out.printf("%-10s %-5s %-56s %7.3f %7.3f %7.3f %9.3f%n", page.id().substring(0, 8),
                        page.dev() ? "dev" : "held", url, page.shingles().precision(), page.shingles().recall(),
                        page.shingles().f1(), page.tokens().f1());
            }
        }
        for (boolean dev : new boolean[] {true, false}) {
            List<PageScore> set = pages.stream().filter(p -> p.dev() == dev).toList();
            if (!set.isEmpty()) {
                ShingleOverlap.Summary summary = ShingleOverlap.Summary.of(set.stream().map(PageScore::shingles).toList());
                System.out.printf("%s, %d pages: benchmark metric (4-token shingles) P %.3f R %.3f F1 %.3f;"
                                + " mean token F1 %.3f%n", dev ? "dev" : "held-out", set.size(), summary.precision(),
                        summary.recall(), summary.f1(), meanTokenF1(set));
            }
        }

        if (Files.isDirectory(segmentSet)) {
            List<SegmentPage> segments = evaluateSegments(segmentSet, OURS);
            System.out.printf("%ntrafilatura with/without segments (%s)%n", segmentSet);
            for (SegmentPage page : segments) {
                SegmentCounts c = page.counts();
                if ((page.dev() || listHeldOut) && (c.falseNegatives() > 0 || c.falsePositives() > 0)) {
                    System.out.printf("%-5s missed %d, boilerplate %d  %s%n", page.dev() ? "dev" : "held",
                            c.falseNegatives(), c.falsePositives(), page.file());
                }
            }
            for (boolean dev : new boolean[] {true, false}) {
                SegmentCounts total = segments.stream().filter(p -> p.dev() == dev).map(SegmentPage::counts)
                        .reduce(new SegmentCounts(0, 0, 0, 0), SegmentCounts::plus);
                long nothing = segments.stream().filter(p -> p.dev() == dev && p.counts().truePositives() == 0).count();
                System.out.printf("%s, %d pages: P %.3f R %.3f F1 %.3f (tp %d fn %d fp %d tn %d; %d pages with no"
                                + " text segment found)%n", dev ? "dev" : "held-out",
                        segments.stream().filter(p -> p.dev() == dev).count(), total.precision(), total.recall(),
                        total.f1(), total.truePositives(), total.falseNegatives(), total.falsePositives(),
                        total.trueNegatives(), nothing);
            }
        }
        List<Extraction> ours = new ArrayList<>(pages.stream().map(PageScore::extraction).toList());
        if (Files.isDirectory(segmentSet)) {
            evaluateSegments(segmentSet, OURS).forEach(page -> ours.add(page.extraction()));
        }
        Map<String, Long> methods = new TreeMap<>(ours.stream().collect(java.util.stream.Collectors.groupingBy(
                e -> e == null ? "refused (no text)" : e.method().name(), java.util.stream.Collectors.counting())));
        System.out.printf("%nextraction methods over all %d pages: %s; confidence under 0.5: %d pages%n", ours.size(),
                methods, ours.stream().filter(e -> e != null && e.confidence() < 0.5).count());
        if (!others.isEmpty()) {
            compare(benchmark, ids(devSet), segmentSet, others);
        }
    }

    /**
     * Other extractors' outputs (JSON {@code {"zyte": {id: text}, "html-eval": {file: text}}}, e.g. from
     * {@code scripts/readability-outputs.py}) scored by the same code on the same pages, beside ours.
     */
    private static void compare(Path benchmark, Set<String> devIds, Path segmentSet, Map<String, Path> others)
            throws IOException {
        Map<String, Extractor> extractors = new TreeMap<>();
        extractors.put("newsroom (this)", OURS);
        // Outputs taken from the Zyte benchmark's own results (its output/*.json) cover its pages only.
        Set<String> zyteOnly = new HashSet<>();
        for (Map.Entry<String, Path> other : others.entrySet()) {
            JsonNode outputs = JsonMapper.shared().readTree(other.getValue().toFile());
            if (!outputs.has("html-eval")) {
                zyteOnly.add(other.getKey());
            }
            // A page without an output scores as an empty extraction: say so, or a mistyped id lowers the figure unseen.
            long missing = devIds.stream().filter(id -> !outputs.path("zyte").has(id)).count();
            if (missing > 0) {
                System.out.printf("%s: no output for %d of the %d Zyte pages (scored as empty)%n", other.getKey(),
                        missing, devIds.size());
            }
            extractors.put(other.getKey(), (key, page) -> {
                JsonNode text = outputs.path("zyte").has(key) ? outputs.path("zyte").path(key)
                        : outputs.path("html-eval").path(key);
                return new Output(text.isMissingNode() ? "" : text.asString(), null);
            });
        }
        System.out.printf("%nsame pages, same scoring code (Zyte: the %d pages of %s; html-eval: dev and held-out"
                + " halves)%n%-20s %-30s %-9s %-24s %-24s%n", devIds.size(), "samples/formats/html", "extractor",
                "Zyte dev: shingle P / R / F1", "token F1", "html-eval dev P / R / F1", "held-out P / R / F1");
        for (Map.Entry<String, Extractor> extractor : extractors.entrySet()) {
            List<PageScore> pages = evaluate(benchmark, devIds, extractor.getValue()).stream().filter(PageScore::dev)
                    .toList();
            ShingleOverlap.Summary zyte = ShingleOverlap.Summary.of(pages.stream().map(PageScore::shingles).toList());
            List<SegmentPage> segments = zyteOnly.contains(extractor.getKey()) ? null
                    : evaluateSegments(segmentSet, extractor.getValue());
            System.out.printf("%-20s %-30s %-9.3f %-24s %-24s%n", extractor.getKey(),
                    "%.3f / %.3f / %.3f".formatted(zyte.precision(), zyte.recall(), zyte.f1()), meanTokenF1(pages),
                    segments == null ? "(no outputs)" : segmentFigures(segments, true),
                    segments == null ? "(no outputs)" : segmentFigures(segments, false));
        }
    }

    /** Micro P / R / F1 of one half of html-eval, with its page count. */
    private static String segmentFigures(List<SegmentPage> pages, boolean dev) {
        List<SegmentPage> half = pages.stream().filter(p -> p.dev() == dev).toList();
        SegmentCounts total = half.stream().map(SegmentPage::counts)
                .reduce(new SegmentCounts(0, 0, 0, 0), SegmentCounts::plus);
        return "%.3f / %.3f / %.3f (%d)".formatted(total.precision(), total.recall(), total.f1(), half.size());
    }

    static double meanTokenF1(List<PageScore> scores) {
        return scores.stream().mapToDouble(s -> s.tokens().f1()).average().orElse(0);
    }

    /** The ids of a ground-truth file's pages. */
    static Set<String> ids(Path folder) throws IOException {
        Set<String> ids = new HashSet<>();
        JsonMapper.shared().readTree(folder.resolve("ground-truth.json").toFile()).propertyNames().forEach(ids::add);
        return ids;
    }

    /** Every page of a benchmark folder ({@code pages/<id>.html} or {@code html/<id>.html.gz}), scored. */
    static List<PageScore> evaluate(Path folder, Set<String> devIds, Extractor extractor) throws IOException {
        JsonNode truth = JsonMapper.shared().readTree(folder.resolve("ground-truth.json").toFile());
        List<PageScore> scores = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : new TreeMap<>(truth.properties().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))).entrySet()) {
            Output extracted = extractor.text(entry.getKey(), page(folder, entry.getKey()));
            String body = entry.getValue().path("articleBody").asString();
            scores.add(new PageScore(entry.getKey(), entry.getValue().path("url").asString(),
                    devIds.contains(entry.getKey()), ShingleOverlap.of(extracted.text(), body),
                    TokenOverlap.of(extracted.text(), body), extracted.extraction()));
        }
        return scores;
    }

    static List<SegmentPage> evaluateSegments(Path folder, Extractor extractor) throws IOException {
        JsonNode expectations = JsonMapper.shared().readTree(folder.resolve("expectations.json").toFile());
        List<SegmentPage> pages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : expectations.properties()) {
            Output extracted = extractor.text(entry.getKey(),
                    Files.readAllBytes(folder.resolve("pages").resolve(entry.getKey())));
            pages.add(new SegmentPage(entry.getKey(), !heldOut(entry.getKey()), SegmentCounts.of(extracted.text(),
                    strings(entry.getValue().path("with")), strings(entry.getValue().path("without"))),
                    extracted.extraction()));
        }
        return pages;
    }

    /**
     * The html-eval pages no rule was developed on: those whose file name's SHA-256 starts with an odd byte (about
     * half, fixed by the name alone so that adding pages moves none).
     */
    static boolean heldOut(String fileName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            return (hash[0] & 1) == 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The extractor's own output for a page's raw bytes; nothing when the page is refused. */
    static Output extract(byte[] page) {
        try {
            ParsedArticle article = new HtmlArticleParser().parse(TextDecoding.decode(page)).articles().getFirst();
            return new Output(String.join("\n\n", article.paragraphs()), article.extraction());
        } catch (UnreadableDocumentException e) {
            return new Output("", null);
        }
    }

    private static byte[] page(Path folder, String id) throws IOException {
        Path plain = folder.resolve("pages").resolve(id + ".html");
        if (Files.exists(plain)) {
            return Files.readAllBytes(plain);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve("html").resolve(id + ".html.gz")))) {
            return in.readAllBytes();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.values().forEach(value -> strings.add(value.asString()));
        return strings;
    }
}
