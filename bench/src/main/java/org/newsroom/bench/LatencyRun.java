package org.newsroom.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.newsroom.bench.CorpusArticles.BenchArticle;
import org.newsroom.bench.Intakes.Intake;

/**
 * Drop-to-searchable latency at one fixed offered load: articles go out on a fixed-rate clock (a tick every 100 ms,
 * or one article per tick below 10/s), ticks alternating between the intakes, while a poller looks for each one in
 * search. The load's figures count only what was sent at that load; stragglers are waited for, then given up on.
 */
final class LatencyRun {

    /** Percentiles in seconds for one load and one intake ("all" for both together). */
    record Result(int load, String intake, double seconds, int sent, int unresolved, double achievedPerSecond,
                  Percentiles searchable, Percentiles indexed, Map<String, Percentiles> hops) {
    }

    private static final Duration DRAIN = Duration.ofSeconds(90);

    private final CorpusArticles corpus;
    private final SearchIndex index;
    private final Hops hops;
    private final AtomicLong next;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    LatencyRun(CorpusArticles corpus, SearchIndex index, Hops hops, long firstArticle) {
        this.corpus = corpus;
        this.index = index;
        this.hops = hops;
        this.next = new AtomicLong(firstArticle);
    }

    List<Result> run(int load, Duration duration, List<Intake> intakes) throws InterruptedException {
        Markers markers = new Markers(index);
        long tickMillis = Math.max(100, 1000 / load);
        long ticks = Math.max(1, duration.toMillis() / tickMillis);
        Progress progress = new Progress("latency @ " + load + "/s");
        AtomicLong failures = new AtomicLong();
        double owed = 0;
        long start = System.nanoTime();
        for (long tick = 0; tick < ticks; tick++) {
            sleepUntil(start + tick * tickMillis * 1_000_000L, markers);
            owed += load * tickMillis / 1000.0;
            int count = (int) owed;
            owed -= count;
            if (count > 0) {
                send(intakes.get((int) (tick % intakes.size())), count, markers, failures);
            }
            progress.update((tick + 1) * tickMillis / 1000, duration.toSeconds(), "s",
                    "%,d sent, %,d searchable".formatted(markers.found() + markers.pending(), markers.found()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (markers.pending() > 0 && System.nanoTime() < drainUntil) {
            sleepUntil(System.nanoTime() + 100_000_000L, markers);
            progress.update(markers.found(), markers.found() + markers.pending(), "found", "(draining)");
        }
        List<Result> results = results(load, seconds, intakes, markers, hops);
        Result all = results.getFirst();
        progress.done("p50 %.3f s  p95 %.3f s  p99 %.3f s  (%d sent at %.1f/s, %d not found, %d send errors)"
                .formatted(all.searchable().p50(), all.searchable().p95(), all.searchable().p99(), all.sent(),
                        all.achievedPerSecond(), all.unresolved(), failures.get()));
        return results;
    }

    private void send(Intake intake, int count, Markers markers, AtomicLong failures) {
        List<BenchArticle> batch = LongStream.range(0, count).mapToObj(i -> corpus.article(next.getAndIncrement())).toList();
        markers.sent(batch.stream().map(BenchArticle::guid).toList(), intake.name(), System.currentTimeMillis());
        senders.submit(() -> {
            try {
                intake.send(batch);
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
            }
        });
    }

    /** Polls for markers while waiting, so a found article is seen within about one poll. */
    private static void sleepUntil(long deadline, Markers markers) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            long before = System.nanoTime();
            if (markers.pending() > 0) {
                markers.poll();
            }
            long left = deadline - System.nanoTime();
            long pause = Math.min(left, Math.max(0, 50_000_000L - (System.nanoTime() - before)));
            if (pause > 0) {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        }
    }

    private static List<Result> results(int load, double seconds, List<Intake> intakes, Markers markers, Hops hops) {
        List<Result> results = new ArrayList<>();
        List<Markers.Seen> seen = markers.seen();
        int unresolved = markers.pending();
        results.add(result(load, "all", seconds, seen, seen.size() + unresolved, unresolved, hops));
        if (intakes.size() > 1) {
            for (Intake intake : intakes) {
                List<Markers.Seen> mine = seen.stream().filter(s -> s.intake().equals(intake.name())).toList();
                results.add(result(load, intake.name(), seconds, mine, mine.size(), 0, hops));
            }
        }
        return results;
    }

    private static Result result(int load, String intake, double seconds, List<Markers.Seen> seen, int sent, int unresolved,
                                 Hops hops) {
        return new Result(load, intake, seconds, sent, unresolved, sent / seconds,
                Percentiles.of(seen.stream().map(Markers.Seen::searchable).toList()),
                Percentiles.of(seen.stream().map(Markers.Seen::indexed).filter(d -> !d.isNaN()).toList()),
                Hops.percentiles(seen.stream()
                        .map(s -> hops.of(s.guid(), s.sentAtMillis(), s.indexed(), s.searchable())).toList()));
    }
}
