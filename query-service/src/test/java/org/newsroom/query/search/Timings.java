package org.newsroom.query.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Latencies of benchmark queries, overall and per kind; safe to record from several threads. */
final class Timings {

    private final Map<String, List<Double>> byKind = new ConcurrentHashMap<>();

    void time(ArticleSearch search, BenchQueries.Query query) throws java.io.IOException {
        long start = System.nanoTime();
        search.search(query.request());
        double millis = (System.nanoTime() - start) / 1e6;
        List<Double> kind = byKind.computeIfAbsent(query.kind(), k -> new ArrayList<>());
        synchronized (kind) {
            kind.add(millis);
        }
    }

    Map<String, Series> byKind() {
        Map<String, Series> series = new LinkedHashMap<>();
        byKind.forEach((kind, values) -> series.put(kind, Series.of(values)));
        return series;
    }

    Series all() {
        List<Double> all = new ArrayList<>();
        byKind.values().forEach(values -> {
            synchronized (values) {
                all.addAll(values);
            }
        });
        return Series.of(all);
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("all", all().asMap());
        byKind().forEach((kind, series) -> summary.put(kind, series.asMap()));
        return summary;
    }

    /** Sorted latencies in milliseconds. */
    record Series(double[] sorted) {

        static Series of(List<Double> values) {
            double[] sorted;
            synchronized (values) {
                sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
            }
            Arrays.sort(sorted);
            return new Series(sorted);
        }

        int count() {
            return sorted.length;
        }

        double percentile(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }

        Map<String, Object> asMap() {
            return Map.of("count", count(), "p50", round(percentile(0.5)), "p90", round(percentile(0.9)),
                    "p99", round(percentile(0.99)), "max", round(percentile(1.0)));
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }
}
