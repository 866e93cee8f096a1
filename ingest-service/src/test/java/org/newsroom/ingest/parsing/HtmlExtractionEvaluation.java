package org.newsroom.ingest.parsing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores main-text extraction on the saved news pages of {@code samples/formats/html} against their
 * ground-truth article bodies, page by page and on average. Run with {@code ./newsroom html-extraction-eval}.
 */
public final class HtmlExtractionEvaluation {

    /** One page's score. */
    record PageScore(String id, String url, TokenOverlap overlap) {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "samples/formats/html");
        List<PageScore> scores = evaluate(folder);
        System.out.printf("%-10s %-58s %9s %7s %6s%n", "page", "url", "precision", "recall", "F1");
        for (PageScore score : scores) {
            String url = score.url().length() > 58 ? score.url().substring(0, 57) + "…" : score.url();
            System.out.printf("%-10s %-58s %9.3f %7.3f %6.3f%n", score.id().substring(0, 8), url,
                    score.overlap().precision(), score.overlap().recall(), score.overlap().f1());
        }
        System.out.printf("%nmean over %d pages: precision %.3f, recall %.3f, F1 %.3f%n", scores.size(),
                scores.stream().mapToDouble(s -> s.overlap().precision()).average().orElse(0),
                scores.stream().mapToDouble(s -> s.overlap().recall()).average().orElse(0), meanF1(scores));
    }

    static double meanF1(List<PageScore> scores) {
        return scores.stream().mapToDouble(s -> s.overlap().f1()).average().orElse(0);
    }

    /** Scores the extractor's own output, before cleaning, as the benchmark scores extractors. */
    static List<PageScore> evaluate(Path folder) throws IOException {
        JsonNode truth = JsonMapper.shared().readTree(folder.resolve("ground-truth.json").toFile());
        List<PageScore> scores = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : truth.properties()) {
            Path page = folder.resolve("pages").resolve(entry.getKey() + ".html");
            String extracted;
            try {
                extracted = String.join("\n\n", new HtmlArticleParser().parse(Files.readString(page)).articles()
                        .getFirst().paragraphs());
            } catch (UnreadableDocumentException e) {
                extracted = "";
            }
            scores.add(new PageScore(entry.getKey(), entry.getValue().path("url").asString(),
                    TokenOverlap.of(extracted, entry.getValue().path("articleBody").asString())));
        }
        return scores;
    }
}
