package org.newsroom.bench;

import java.util.Map;
import java.util.TreeMap;

/** The run's figures as Markdown tables, printed at the end, ready for docs/benchmarks.md and the README. */
final class Summary {

    private Summary() {
    }

    static String markdown(BenchReport report) {
        StringBuilder out = new StringBuilder("\n");
        ThroughputRun.Result throughput = report.throughput();
        CeilingRun.Result ceiling = report.ceiling();
        out.append("| end-to-end throughput | steady (10-90%) | ES bulk ceiling (same docs, same mapping) | ratio (steady) |\n")
                .append("|---|---|---|---|\n");
        out.append("| %,.0f articles/s (%,d articles via %s in %.0f s) | %,.0f articles/s | %,.0f docs/s (%,d docs, 1,000 per bulk) | %.2f (%.2f) |\n\n"
                .formatted(throughput.articlesPerSecond(), throughput.articles(), throughput.intake(),
                        throughput.seconds(), throughput.steadyPerSecond(), ceiling.docsPerSecond(), ceiling.documents(),
                        report.endToEndOverCeiling(), throughput.steadyPerSecond() / ceiling.docsPerSecond()));
        out.append("| offered load | intake | sent | p50 | p95 | p99 | max | not found |\n|---|---|---|---|---|---|---|---|\n");
        for (LatencyRun.Result result : report.latency()) {
            Percentiles p = result.searchable();
            out.append("| %d/s | %s | %,d | %.2f s | %.2f s | %.2f s | %.2f s | %d |\n".formatted(result.load(),
                    result.intake(), result.sent(), p.p50(), p.p95(), p.p99(), p.max(), result.unresolved()));
        }
        // CPU time per article over the throughput phase: mean share of a core x the phase's length / its articles.
        double msPerCorePercent = throughput.seconds() * 1000 / 100 / Math.max(1, throughput.searchable());
        out.append("\n| process | CPU mean (% of a core) | CPU mean, throughput phase | CPU per article, throughput phase | CPU max | RSS mean | RSS max |\n")
                .append("|---|---|---|---|---|---|---|\n");
        double total = 0;
        for (Map.Entry<String, BenchReport.ProcessSummary> entry : report.processes().entrySet()) {
            BenchReport.ProcessSummary s = entry.getValue();
            double ms = s.cpuMeanThroughputPercent() * msPerCorePercent;
            total += entry.getKey().startsWith("bench") ? 0 : ms;
            out.append("| %s | %.0f%% | %.0f%% | %.1f ms | %.0f%% | %.0f MB | %.0f MB |\n".formatted(entry.getKey(),
                    s.cpuMeanPercent(), s.cpuMeanThroughputPercent(), ms, s.cpuMaxPercent(), s.rssMeanMb(), s.rssMaxMb()));
        }
        out.append("\nCPU per article, throughput phase, all pipeline processes (not the load generator): %.1f ms\n"
                .formatted(total));
        if (report.kafka() != null && !report.kafka().isEmpty()) {
            long articles = Math.max(1, throughput.searchable());
            out.append("\n| topic (throughput phase) | records per article (incl. transaction markers) | bytes per article (log growth, on disk) |\n")
                    .append("|---|---|---|\n");
            long records = 0;
            long bytes = 0;
            // The per-tag topics (hundreds) are one row.
            Map<String, long[]> rows = new TreeMap<>();
            for (Map.Entry<String, TopicTraffic.Row> entry : report.kafka().entrySet()) {
                String topic = entry.getKey().startsWith("articles.tag.") ? "articles.tag.*.v1" : entry.getKey();
                long[] row = rows.computeIfAbsent(topic, t -> new long[3]);
                row[0] += entry.getValue().records();
                row[1] += entry.getValue().bytes();
                row[2]++;
                records += entry.getValue().records();
                bytes += entry.getValue().bytes();
            }
            rows.forEach((topic, row) -> out.append("| %s | %.2f | %,.0f |\n".formatted(
                    row[2] > 1 ? topic + " (" + row[2] + " topics)" : topic, (double) row[0] / articles,
                    (double) row[1] / articles)));
            out.append("| **all topics** | **%.2f** | **%,.0f** |\n".formatted((double) records / articles,
                    (double) bytes / articles));
        }
        out.append("\nfiles in feed/failed: ").append(report.failedFiles()).append('\n');
        return out.toString();
    }
}
