package org.newsroom.enrich.dedup;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.BbcStory;
import org.newsroom.corpora.BenchStories;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput and memory per article of the duplicate index at 100k and 1M articles. Articles are made of
 * corpus sentences drawn at random (3 to 12, in 2 to 4 paragraphs), one in twenty a copy of an earlier one,
 * arriving a second apart so all stay in the window. First, the pipeline benchmark's own articles (the corpus stories
 * as they are, in its shuffled order): Reuters' hundreds of identical "Blah blah blah" briefs and templated earnings
 * items fill buckets to the cap, the case the cap bounds. Run with {@code ./newsroom dedup-bench [data] [sizes]}.
 */
public final class DedupBenchmark {

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<String> sentences = sentences(data);
        System.out.printf("[dedup-bench] %,d corpus sentences; JVM max heap %,d MB%n", sentences.size(),
                Runtime.getRuntime().maxMemory() >> 20);
        corpusRun(data);
        for (int size : sizes) {
            run(size, sentences);
        }
    }

    /** The corpus stories once each, in the pipeline benchmark's order, indexed three times (the first warms up). */
    private static void corpusRun(Path data) {
        List<List<String>> bodies = BenchStories.read(data).stream().map(BenchStories.Story::paragraphs).toList();
        DedupSettings settings = DedupSettings.defaults();
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        Instant published = Instant.parse("2005-01-01T00:00:00Z");
        List<Fingerprint> fingerprints = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            fingerprints.add(fingerprinter.fingerprint("article-" + i, published.plusSeconds(i), bodies.get(i)));
        }
        for (int run = 1; run <= 3; run++) {
            DedupIndex index = new DedupIndex(settings, Duration.ofDays(30));
            long copies = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < fingerprints.size(); i++) {
                Decision decision = index.add(fingerprints.get(i), published.plusMillis(10L * i)).getFirst();
                copies += decision.dedup().canonicalId().equals(decision.articleId()) ? 0 : 1;
            }
            System.out.printf("[dedup-bench] corpus stories, run %d of 3: %,d articles, %.1f us each, %,d copies%n",
                    run, fingerprints.size(), (System.nanoTime() - t0) / 1e3 / fingerprints.size(), copies);
        }
    }

    private static void run(int size, List<String> sentences) {
        DedupSettings settings = DedupSettings.defaults();
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        Random random = new Random(size);
        long heapBefore = usedHeapAfterGc();
        DedupIndex index = new DedupIndex(settings, Duration.ofDays(365));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<List<String>> recent = new ArrayList<>();
        long fingerprintNanos = 0;
        long indexNanos = 0;
        long copiesFound = 0;
        Fingerprint sample = null;
        for (int i = 0; i < size; i++) {
            List<String> paragraphs = i > 0 && random.nextInt(20) == 0 && !recent.isEmpty()
                    ? recent.get(random.nextInt(recent.size())) : article(sentences, random);
            if (recent.size() < 1000) {
                recent.add(paragraphs);
            } else {
                recent.set(random.nextInt(recent.size()), paragraphs);
            }
            Instant at = start.plusSeconds(i);
            long t0 = System.nanoTime();
            Fingerprint f = fingerprinter.fingerprint("article-" + i, at, paragraphs);
            long t1 = System.nanoTime();
            Decision decision = index.add(f, at).getFirst();
            indexNanos += System.nanoTime() - t1;
            fingerprintNanos += t1 - t0;
            copiesFound += decision.dedup().canonicalId().equals(f.articleId()) ? 0 : 1;
            sample = f;
            if ((i + 1) % 100_000 == 0) {
                System.out.printf("[dedup-bench] %,d / %,d: %,.0f articles/s indexing, %,.0f articles/s fingerprinting%n",
                        i + 1, size, (i + 1) / (indexNanos / 1e9), (i + 1) / (fingerprintNanos / 1e9));
            }
        }
        long heap = usedHeapAfterGc() - heapBefore;
        System.out.printf("[dedup-bench] %,d articles: index %,.0f articles/s (%.1f us each), fingerprint %,.0f"
                        + " articles/s, copies found %,d (about 1 in 20 made); heap %,d MB = %,d bytes per article%n",
                size, size / (indexNanos / 1e9), indexNanos / 1e3 / size, size / (fingerprintNanos / 1e9), copiesFound,
                heap >> 20, heap / size);
        System.out.printf("[dedup-bench] Kafka Streams state per article: fingerprint %,d bytes as JSON, %d bucket"
                        + " members of ~%d bytes (plus the article for re-emission)%n",
                JsonMapper.builder().build().writeValueAsBytes(sample).length, Bucket.count(settings),
                ("41:" + Long.toHexString(-1L) + sample.articleId()).length() + Long.BYTES + Integer.BYTES);
        index.size();
    }

    private static List<String> article(List<String> sentences, Random random) {
        int count = 3 + random.nextInt(10);
        int paragraphs = 2 + random.nextInt(3);
        List<String> article = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (int s = 0; s < count; s++) {
            paragraph.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            if ((s + 1) % Math.max(1, count / paragraphs) == 0) {
                article.add(paragraph.toString().strip());
                paragraph.setLength(0);
            }
        }
        if (!paragraph.isEmpty()) {
            article.add(paragraph.toString().strip());
        }
        return article;
    }

    private static List<String> sentences(Path data) {
        List<String> sentences = new ArrayList<>();
        for (ReutersStory story : Reuters21578.read(data.resolve("reuters21578"))) {
            story.paragraphs().forEach(p -> sentences.addAll(Arrays.asList(p.split("(?<=[.!?])\\s+"))));
        }
        for (BbcStory story : BbcNews.read(data.resolve("bbc"))) {
            story.paragraphs().forEach(p -> sentences.addAll(Arrays.asList(p.split("(?<=[.!?])\\s+"))));
        }
        return sentences.stream().filter(s -> s.split(" ").length >= 5).toList();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
