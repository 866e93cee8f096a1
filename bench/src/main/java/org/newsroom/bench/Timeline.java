package org.newsroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second for the whole run: searchable documents, each stage's consumer lag, and each process's CPU and
 * memory, tagged with the phase running at the time.
 */
final class Timeline implements AutoCloseable {

    /** One sample; {@code seconds} since the timeline started. */
    record Sample(double seconds, String phase, long searchable, double searchablePerSecond, Map<String, Long> lag,
                  Map<String, ProcessSampler.Usage> processes) {
    }

    private final SearchIndex index;
    private final LagMonitor lag;
    private final ProcessSampler sampler;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-timeline");
        thread.setDaemon(true);
        return thread;
    });
    private final long started = System.nanoTime();
    private volatile String phase = "idle";
    private volatile long searchable;

    Timeline(SearchIndex index, LagMonitor lag, ProcessSampler sampler) {
        this.index = index;
        this.lag = lag;
        this.sampler = sampler;
    }

    void start() {
        clock.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    void phase(String name) {
        phase = name;
    }

    double now() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The searchable count at the last sample. */
    long searchable() {
        return searchable;
    }

    private void sample() {
        try {
            double at = now();
            long count = index.count(SearchIndex.ALIAS);
            Map<String, Long> lags = lag.lag();
            Map<String, ProcessSampler.Usage> usage = sampler.sample();
            synchronized (samples) {
                double rate = 0;
                if (!samples.isEmpty()) {
                    Sample previous = samples.getLast();
                    rate = Math.max(0, count - previous.searchable()) / Math.max(0.001, at - previous.seconds());
                }
                samples.add(new Sample(at, phase, count, rate, lags, usage));
            }
            searchable = count;
        } catch (RuntimeException e) {
            // a slow answer under load skips one sample; the next one carries on
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
