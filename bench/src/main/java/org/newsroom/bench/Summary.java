package org.newsroom.bench;

import java.util.Map;

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
        out.append("\nWhere the time goes, per hop (p50 / p99, s; each hop's percentiles on their own, so they do not add up):\n\n")
                .append("| offered load | intake |");
        Hops.NAMES.forEach(name -> out.append(' ').append(name).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(Hops.NAMES.size())).append('\n');
        for (LatencyRun.Result result : report.latency()) {
            out.append("| %d/s | %s |".formatted(result.load(), result.intake()));
            result.hops().values().forEach(p -> out.append(" %.3f / %.3f |".formatted(p.p50(), p.p99())));
            out.append('\n');
        }
        out.append("\n| process | CPU mean (% of a core) | CPU mean, throughput phase | CPU ms per article (throughput) | CPU max | RSS mean | RSS max |\n")
                .append("|---|---|---|---|---|---|---|\n");
        double cpuTotal = 0;
        for (Map.Entry<String, BenchReport.ProcessSummary> entry : report.processes().entrySet()) {
            BenchReport.ProcessSummary s = entry.getValue();
            double perArticle = report.cpuMillisPerArticle(s);
            cpuTotal += BenchReport.inPipeline(entry.getKey()) ? perArticle : 0;
            out.append("| %s | %.0f%% | %.0f%% | %.2f ms | %.0f%% | %.0f MB | %.0f MB |\n".formatted(entry.getKey(),
                    s.cpuMeanPercent(), s.cpuMeanThroughputPercent(), perArticle, s.cpuMaxPercent(), s.rssMeanMb(), s.rssMaxMb()));
        }
        out.append("\nCPU per article, every process of the pipeline (the load generator left out): %.2f ms\n".formatted(cpuTotal));
        if (report.cpuByThreadKind() != null && !report.cpuByThreadKind().isEmpty()) {
            // The compiler's share is what a process pays once per start; the work is what every article pays.
            out.append("\n| process (throughput phase) | CPU ms per article | work | JIT compiler | collector | JIT compiler since start |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (ThreadKinds.PerArticle process : report.cpuByThreadKind()) {
                Double sinceStart = process.compilerSinceStartSeconds();
                out.append("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %s |\n".formatted(process.process(),
                        process.totalMs(), process.workMs(), process.compilerMs(), process.collectorMs(),
                        sinceStart == null ? "-" : "%.0f CPU-s".formatted(sinceStart)));
            }
            ThreadKinds.PerArticle all = report.pipelineCpuByThreadKind();
            out.append("\nCPU per article by kind of thread, the pipeline's processes: work %.2f ms, collector %.2f ms (together %.2f ms, what every article costs), JIT compiler %.2f ms (what the starts cost)\n"
                    .formatted(all.workMs(), all.collectorMs(), all.everyArticleMs(), all.compilerMs()));
            // The cores of the machine the run was made on (a chart redrawn elsewhere keeps them).
            out.append(cpuBound(((Number) report.machine().get("cores")).intValue(), all, ceiling.docsPerSecond()));
        }
        if (report.kafkaPerArticle() != null) {
            out.append("\n| Kafka topic (throughput phase) | bytes per article | records per article (incl. transaction markers) |\n")
                    .append("|---|---|---|\n");
            for (TopicTraffic.PerArticle topic : report.kafkaPerArticle()) {
                out.append("| %s | %,.0f B | %.2f |\n".formatted(topic.topic(), topic.bytes(), topic.records()));
            }
            // The unit is the raw record itself (as serialised), not the raw topic's compressed batches.
            double raw = report.rawRecordBytes() > 0 ? report.rawRecordBytes() : report.rawBytesPerArticle();
            out.append("\nKafka bytes per article, every topic: %,.0f B = %.1fx the raw record (%,.0f B serialised; %,.0f B as stored in articles.raw.v1)\n".formatted(
                    report.kafkaBytesPerArticle(), report.kafkaBytesPerArticle() / raw, raw, report.rawBytesPerArticle()));
        }
        out.append("\nfiles in feed/failed: ").append(report.failedFiles()).append('\n');
        return out.toString();
    }

    /**
     * What this machine's cores can carry at the run's CPU per article, beside half the Elasticsearch ceiling (issue
     * 12's throughput target): when every process shares the cores, throughput is bound by cores / CPU per article,
     * however the stages are arranged (docs/enrich-redesign.md, section 8).
     */
    static String cpuBound(int cores, ThreadKinds.PerArticle all, double ceilingDocsPerSecond) {
        double half = ceilingDocsPerSecond / 2;
        return ("CPU bound on these %d cores: at most %,.0f articles/s at this run's CPU per article (%,.0f at work +"
                + " collector alone); half the ES ceiling, %,.0f articles/s, needs at most %.2f ms per article in all%n")
                .formatted(cores, cores * 1000 / all.totalMs(), cores * 1000 / all.everyArticleMs(), half,
                        cores * 1000 / half);
    }
}
