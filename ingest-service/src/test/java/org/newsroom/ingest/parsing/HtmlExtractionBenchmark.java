package org.newsroom.ingest.parsing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * How long main-text extraction takes on a large page: a real page (by default the largest of
 * {@code data/html-eval}, 906 KB) grown to at least 1.5 MB by repeating its body, parsed by jsoup and extracted by
 * {@link MainText} as {@link HtmlArticleParser} does. Prints the median, 90th percentile and worst of the parse,
 * the extraction and the whole. A command that prints figures ({@code ./newsroom html-extraction-bench}), not a
 * test: timings on a shared machine are not a pass/fail matter.
 */
public final class HtmlExtractionBenchmark {

    private static final int TARGET_BYTES = 1_500_000;
    private static final int WARMUP = 15;
    private static final int RUNS = 30;

    public static void main(String[] args) throws IOException, UnreadableDocumentException {
        Path source = Path.of(args.length > 0 ? args[0] : "data/html-eval/pages/pcgamer.com.skyrim.html");
        String html = grown(TextDecoding.decode(Files.readAllBytes(source)));
        System.out.printf("page: %s grown to %,d bytes (UTF-8)%n", source.getFileName(),
                html.getBytes(StandardCharsets.UTF_8).length);

        long[] parse = new long[RUNS];
        long[] extract = new long[RUNS];
        long[] whole = new long[RUNS];
        long[] cpu = new long[RUNS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int length = 0;
        for (int run = -WARMUP; run < RUNS; run++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Document page = Jsoup.parse(html);
            long parsed = System.nanoTime();
            MainText.Result result = MainText.extract(page);
            long extracted = System.nanoTime();
            length = result.length();
            if (run >= 0) {
                parse[run] = parsed - start;
                extract[run] = extracted - parsed;
                whole[run] = extracted - start;
                cpu[run] = threads.getCurrentThreadCpuTime() - startCpu;
            }
        }
        System.out.printf("extracted %,d characters%n", length);
        print("jsoup parse", parse);
        print("extraction (MainText)", extract);
        print("parse + extraction", whole);
        // CPU time is what the work costs; wall time on a shared machine also counts the waits for a core.
        print("  the same, CPU time", cpu);
        System.out.printf("load average while measuring: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** The page with copies of its body inserted before {@code </body>} until it reaches the target size. */
    static String grown(String html) {
        int open = html.indexOf("<body");
        int close = html.lastIndexOf("</body>");
        if (open < 0 || close < 0) {
            throw new IllegalArgumentException("the page needs a <body> to grow");
        }
        String body = html.substring(html.indexOf('>', open) + 1, close);
        StringBuilder grown = new StringBuilder(html.substring(0, close));
        while (grown.toString().getBytes(StandardCharsets.UTF_8).length + html.length() - close < TARGET_BYTES) {
            grown.append(body);
        }
        return grown.append(html.substring(close)).toString();
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-22s median %6.1f ms, p90 %6.1f ms, max %6.1f ms (%d runs after %d warm-up)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted.length, WARMUP);
    }
}
