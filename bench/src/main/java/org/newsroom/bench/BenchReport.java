package org.newsroom.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, as written to {@code bench-<timestamp>.json}; times in seconds. {@code kafka}: what was
 * written per topic during the throughput phase (null in reports of earlier runs).
 */
record BenchReport(String startedAt, Map<String, Object> machine, Map<String, Object> options,
                   ThroughputRun.Result throughput, List<LatencyRun.Result> latency, CeilingRun.Result ceiling,
                   double endToEndOverCeiling, long failedFiles, Map<String, ProcessSummary> processes,
                   Map<String, TopicTraffic.Row> kafka, List<Timeline.Sample> timeline) {

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
