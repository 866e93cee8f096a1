package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.newsroom.contracts.Topics;
import org.newsroom.localstack.ChildProcess;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./newsroom bench}: starts the real stack on free ports in {@code target/bench-run}, replays the corpora
 * through the watched folder and HTTP, measures sustained throughput, drop-to-searchable latency at fixed loads,
 * the Elasticsearch bulk ceiling of the same documents, lag and each process's CPU and memory, then writes
 * {@code target/bench-results/bench-<timestamp>.json} and a chart, copied to {@code docs/images/bench-latest.png}.
 */
public final class Bench {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("newsroom.project.root", ".")).toAbsolutePath().normalize();
        if (args.length == 1 && args[0].startsWith("--chart=")) {
            redraw(root, Path.of(args[0].substring("--chart=".length())).toAbsolutePath());
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            boolean help = java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h");
            (help ? System.out : System.err).println(e.getMessage());
            System.exit(help ? 0 : 2);
            return;
        }
        Instant started = Instant.now();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        CorpusArticles corpus = CorpusArticles.read(options.dataDir(), stamp);
        Progress.say("%,d distinct corpus stories; %,d articles at full speed, loads %s for %d s each, intake %s"
                .formatted(corpus.distinctStories(), options.articles(), options.loads(),
                        options.loadDuration().toSeconds(), options.intake()));
        BenchReport report = run(root, options, corpus, started);
        Path results = Files.createDirectories(root.resolve("target/bench-results"));
        Path json = results.resolve("bench-" + stamp + ".json");
        JSON.writeValue(json.toFile(), report);
        Progress.say("results: " + json);
        publish(root, report, results.resolve("bench-" + stamp + ".png"));
    }

    /** {@code --chart=<result.json>}: draws an earlier run's chart and tables again. */
    private static void redraw(Path root, Path json) throws IOException {
        BenchReport report = JSON.readValue(json.toFile(), BenchReport.class);
        publish(root, report, json.resolveSibling(json.getFileName().toString().replaceAll("\\.json$", "") + ".png"));
    }

    private static void publish(Path root, BenchReport report, Path png) throws IOException {
        BenchChart.write(report, png);
        Path latest = Files.createDirectories(root.resolve("docs/images")).resolve("bench-latest.png");
        Files.copy(png, latest, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(Summary.markdown(report));
        Progress.say("chart: " + png + " (copied to " + latest + ")");
    }

    private static BenchReport run(Path root, BenchOptions options, CorpusArticles corpus, Instant started) throws Exception {
        Path home = root.resolve("target/bench-run");
        deleteRecursively(home);
        Files.createDirectories(home);
        try (BenchStack stack = BenchStack.start(options.jarsFrom(), home, options.elasticsearchHeap(), options.serviceHeap());
             LagMonitor lag = new LagMonitor(stack.kafkaBootstrapServers(),
                     List.of(Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED))) {
            SearchIndex index = new SearchIndex(stack.elasticsearchUrl());
            Map<String, Long> pids = new LinkedHashMap<>();
            stack.processes().forEach((name, process) -> pids.put(name, process.pid()));
            pids.put(BenchReport.LOAD_GENERATOR, ProcessHandle.current().pid());
            List<Intakes.Intake> intakes = new ArrayList<>();
            if (options.intake().usesFolder()) {
                intakes.add(new Intakes.Folder(Files.createDirectories(stack.inboxFolders().inbox())));
            }
            if (options.intake().usesHttp()) {
                intakes.add(new Intakes.Http(stack.ingestUrl(), stack.apiKey()));
            }
            try (Timeline timeline = new Timeline(index, lag, new ProcessSampler(pids));
                 TopicTraffic traffic = new TopicTraffic(stack.kafkaBootstrapServers())) {
                ThroughputRun run = new ThroughputRun(corpus, index);
                if (options.warmup() > 0) {
                    // variants (another headline and date) of the corpus's last stories: the first ones are measured
                    long stories = corpus.distinctStories();
                    run.run("warm-up", stories * 1000 + Math.max(0, stories - options.warmup()), options.warmup(),
                            intakes, options.feedBatch(), options.httpBatch());
                }
                if (!options.refresh().isEmpty()) {
                    index.refreshInterval(options.refresh());
                }
                timeline.start();
                timeline.phase("throughput");
                Map<String, TopicTraffic.Holding> before = traffic.snapshot();
                Map<String, ThreadKinds.Ticks> threadsBefore = ThreadKinds.snapshot(pids);
                ThroughputRun.Result throughput = run.run(options.articles(), intakes, options.feedBatch(), options.httpBatch());
                List<ThreadKinds.PerArticle> threads = ThreadKinds.perArticle(threadsBefore, ThreadKinds.snapshot(pids),
                        throughput.articles());
                List<TopicTraffic.PerArticle> kafka = TopicTraffic.perArticle(before, traffic.snapshot(), throughput.searchable());
                List<LatencyRun.Result> latency = new ArrayList<>();
                try (Hops hops = new Hops(stack.kafkaBootstrapServers())) {
                    LatencyRun latencyRun = new LatencyRun(corpus, index, hops, options.articles());
                    for (int load : options.loads()) {
                        timeline.phase("latency " + load + "/s");
                        latency.addAll(latencyRun.run(load, options.loadDuration(), intakes));
                    }
                }
                timeline.phase("ceiling");
                CeilingRun.Result ceiling = new CeilingRun(index).run(options.ceilingDocs());
                timeline.phase("done");
                Thread.sleep(1500);
                List<Timeline.Sample> samples = timeline.samples();
                return new BenchReport(started.toString(), machine(stack), optionsOf(options), throughput, latency,
                        ceiling, throughput.articlesPerSecond() / ceiling.docsPerSecond(), filesIn(stack.inboxFolders().failed()),
                        BenchReport.summaries(samples), threads, kafka,
                        traffic.meanRecordBytes(Topics.ARTICLES_RAW, 2000), samples);
            }
        }
    }

    private static Map<String, Object> machine(BenchStack stack) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        machine.put("java", System.getProperty("java.version"));
        machine.put("logs", stack.logs().toString());
        stack.processes().values().stream().map(ChildProcess::name).forEach(name -> machine.putIfAbsent("process:" + name, "started"));
        return machine;
    }

    private static Map<String, Object> optionsOf(BenchOptions options) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("articles", options.articles());
        map.put("warmup", options.warmup());
        map.put("loads", options.loads());
        map.put("loadSeconds", options.loadDuration().toSeconds());
        map.put("intake", options.intake().name());
        map.put("feedBatch", options.feedBatch());
        map.put("httpBatch", options.httpBatch());
        map.put("ceilingDocs", options.ceilingDocs());
        map.put("elasticsearchHeap", options.elasticsearchHeap());
        map.put("serviceHeap", options.serviceHeap());
        map.put("jarsFrom", options.jarsFrom().toString());
        map.put("refresh", options.refresh().isEmpty() ? "template" : options.refresh());
        return map;
    }

    private static long filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
