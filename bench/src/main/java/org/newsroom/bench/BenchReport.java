package org.newsroom.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, as written to {@code bench-<timestamp>.json}; times in seconds. */
record BenchReport(String startedAt, Map<String, Object> machine, Map<String, Object> options,
                   ThroughputRun.Result throughput, List<LatencyRun.Result> latency, CeilingRun.Result ceiling,
                   double endToEndOverCeiling, long failedFiles, Map<String, ProcessSummary> processes,
                   List<ThreadKinds.PerArticle> cpuByThreadKind, List<TopicTraffic.PerArticle> kafkaPerArticle, double rawRecordBytes,
                   List<Timeline.Sample> timeline) {

    /** Bytes Kafka wrote per article over the throughput phase, every topic together. */
    double kafkaBytesPerArticle() {
        return kafkaPerArticle == null ? Double.NaN : kafkaPerArticle.stream().mapToDouble(TopicTraffic.PerArticle::bytes).sum();
    }

    /** The raw topic's stored bytes per article (compressed as ingest's producer wrote them). */
    double rawBytesPerArticle() {
        return kafkaPerArticle == null ? Double.NaN : kafkaPerArticle.stream()
                .filter(topic -> topic.topic().equals(org.newsroom.contracts.Topics.ARTICLES_RAW))
                .mapToDouble(TopicTraffic.PerArticle::bytes).sum();
    }

    /** The name the bench's own process is sampled under: the load generator, not part of the pipeline. */
    static final String LOAD_GENERATOR = "bench (load generator)";

    /** Whether a sampled process is one of the pipeline's (services and engines), not the load generator. */
    static boolean inPipeline(String process) {
        return !process.equals(LOAD_GENERATOR);
    }

    /** CPU per article by kind of thread over the pipeline's processes together (the load generator left out). */
    ThreadKinds.PerArticle pipelineCpuByThreadKind() {
        double work = 0;
        double compiler = 0;
        double collector = 0;
        for (ThreadKinds.PerArticle process : cpuByThreadKind) {
            if (inPipeline(process.process())) {
                work += process.workMs();
                compiler += process.compilerMs();
                collector += process.collectorMs();
            }
        }
        return new ThreadKinds.PerArticle("all processes", work, compiler, collector, null);
    }

    /** CPU milliseconds one article cost a process during the throughput phase (its mean share × the phase). */
    double cpuMillisPerArticle(ProcessSummary process) {
        return process.cpuMeanThroughputPercent() / 100 * throughput.seconds() * 1000 / throughput.articles();
    }

    /**
     * One process tree's use over the whole run and during the throughput phase (CPU: % of one core).
     */
    record ProcessSummary(double cpuMeanPercent, double cpuMaxPercent, double cpuMeanThroughputPercent,
                          double rssMeanMb, double rssMaxMb) {
    }

    static Map<String, ProcessSummary> summaries(List<Timeline.Sample> samples) {
        Map<String, ProcessSummary> summaries = new LinkedHashMap<>();
        if (samples.size() < 2) {
            return summaries;
        }
        List<Timeline.Sample> measured = samples.subList(1, samples.size());
        for (String name : measured.getFirst().processes().keySet()) {
            var cpu = measured.stream().mapToDouble(s -> usage(s, name).cpuPercent()).summaryStatistics();
            var rss = measured.stream().mapToDouble(s -> usage(s, name).rssMb()).summaryStatistics();
            double throughputCpu = measured.stream().filter(s -> s.phase().equals("throughput"))
                    .mapToDouble(s -> usage(s, name).cpuPercent()).average().orElse(Double.NaN);
            summaries.put(name, new ProcessSummary(round(cpu.getAverage()), round(cpu.getMax()), round(throughputCpu),
                    round(rss.getAverage()), round(rss.getMax())));
        }
        return summaries;
    }

    private static ProcessSampler.Usage usage(Timeline.Sample sample, String name) {
        return sample.processes().getOrDefault(name, new ProcessSampler.Usage(0, 0));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
