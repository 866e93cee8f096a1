package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.newsroom.bench.CorpusArticles.BenchArticle;
import org.newsroom.bench.Intakes.Intake;

/**
 * Sustained throughput: every article offered at once, as fast as the intakes take them, timed from the first drop
 * until Elasticsearch counts them all. The folder share goes in batched feed files, every tenth batch as single
 * files; the HTTP share as batches from four clients.
 */
final class ThroughputRun {

    /** {@code steadyPerSecond}: the rate between 10% and 90% searchable, without start-up and tail. */
    record Result(int articles, String intake, double seconds, double articlesPerSecond, double steadyPerSecond,
                  double sendSeconds, long searchable) {
    }

    private static final int HTTP_CLIENTS = 4;
    private static final long STALL_NANOS = 180_000_000_000L;

    private final CorpusArticles corpus;
    private final SearchIndex index;

    ThroughputRun(CorpusArticles corpus, SearchIndex index) {
        this.corpus = corpus;
        this.index = index;
    }

    /** Articles 0 to {@code articles - 1}. */
    Result run(int articles, List<Intake> intakes, int feedBatch, int httpBatch) throws Exception {
        return run("throughput", 0, articles, intakes, feedBatch, httpBatch);
    }

    /** Articles {@code first} to {@code first + articles - 1}, under a name of their own in the progress lines. */
    Result run(String name, long first, int articles, List<Intake> intakes, int feedBatch, int httpBatch) throws Exception {
        long baseline = index.count(SearchIndex.ALIAS);
        Progress progress = new Progress(name);
        long start = System.nanoTime();
        List<Future<?>> sending = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(1 + HTTP_CLIENTS);
        long share = articles / intakes.size();
        for (int i = 0; i < intakes.size(); i++) {
            Intake intake = intakes.get(i);
            long from = first + i * share;
            long to = i == intakes.size() - 1 ? first + articles : from + share;
            if (intake instanceof Intakes.Folder) {
                sending.add(senders.submit(() -> dropFiles(intake, from, to, feedBatch)));
            } else {
                AtomicLong next = new AtomicLong(from);
                for (int c = 0; c < HTTP_CLIENTS; c++) {
                    sending.add(senders.submit(() -> post(intake, next, to, httpBatch)));
                }
            }
        }
        senders.shutdown();
        double sendSeconds = Double.NaN;
        long reached = 0;
        long t10 = 0;
        long t90 = 0;
        long lastChange = System.nanoTime();
        while (reached < articles) {
            long count = index.count(SearchIndex.ALIAS) - baseline;
            long now = System.nanoTime();
            if (count > reached) {
                lastChange = now;
            }
            reached = count;
            t10 = t10 == 0 && reached >= articles * 0.1 ? now : t10;
            t90 = t90 == 0 && reached >= articles * 0.9 ? now : t90;
            if (Double.isNaN(sendSeconds) && sending.stream().allMatch(Future::isDone)) {
                for (Future<?> future : sending) {
                    future.get();
                }
                sendSeconds = (now - start) / 1e9;
            }
            if (now - lastChange > STALL_NANOS) {
                progress.done("stalled at %,d of %,d searchable for %d s".formatted(reached, articles, STALL_NANOS / 1_000_000_000L));
                break;
            }
            progress.update(reached, articles, "articles", Double.isNaN(sendSeconds) ? "(sending)" : "");
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double steady = t90 > t10 ? articles * 0.8 / ((t90 - t10) / 1e9) : Double.NaN;
        progress.done("%,d articles searchable in %.1f s: %.0f articles/s (%.0f/s steady)"
                .formatted(reached, seconds, reached / seconds, steady));
        return new Result(articles, String.join("+", intakes.stream().map(Intake::name).toList()), seconds,
                reached / seconds, steady, sendSeconds, reached);
    }

    private Void dropFiles(Intake folder, long from, long to, int feedBatch) throws IOException {
        int batchNumber = 0;
        for (long n = from; n < to; n += feedBatch) {
            List<BenchArticle> batch = LongStream.range(n, Math.min(to, n + feedBatch)).mapToObj(corpus::article).toList();
            if (++batchNumber % 10 == 0) {
                for (BenchArticle article : batch) {
                    folder.send(List.of(article));
                }
            } else {
                folder.send(batch);
            }
        }
        return null;
    }

    private Void post(Intake http, AtomicLong next, long to, int httpBatch) {
        for (long n = next.getAndAdd(httpBatch); n < to; n = next.getAndAdd(httpBatch)) {
            List<BenchArticle> batch = LongStream.range(n, Math.min(to, n + httpBatch)).mapToObj(corpus::article).toList();
            try {
                http.send(batch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
