package org.newsroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from the command line ({@code --name=value} or {@code --name value}).
 *
 * @param articles     articles replayed as fast as the intake takes them, for sustained throughput
 * @param warmup       articles sent and awaited before any measurement, so that nothing is created on the clock
 * @param loads        offered loads (articles/s) for the latency phases
 * @param loadDuration how long each load is offered
 * @param intake       folder, http or both
 * @param feedBatch    items per batched feed file (JSON Lines) in the watched folder
 * @param httpBatch    articles per {@code POST /api/articles} in the throughput phase
 * @param ceilingDocs  at least this many documents are bulk-indexed for the Elasticsearch ceiling
 * @param jarsFrom     the checkout whose service jars run (another build can be compared against this one)
 * @param refresh      the {@code articles} index's refresh interval for the run (e.g. {@code 500ms}), or empty for
 *                     the one query-service's template sets: a latency-against-CPU trade to measure both ways
 */
record BenchOptions(int articles, int warmup, List<Integer> loads, Duration loadDuration, Intake intake, int feedBatch,
                    int httpBatch, int ceilingDocs, String elasticsearchHeap, String serviceHeap, Path dataDir, Path jarsFrom,
                    String refresh) {

    enum Intake {
        folder, http, both;

        boolean usesFolder() {
            return this != http;
        }

        boolean usesHttp() {
            return this != folder;
        }
    }

    static final String USAGE = """
            ./newsroom bench [--articles=20000] [--warmup=1000] [--loads=10,100,500] [--duration=60] [--intake=both]
                             [--feed-batch=500] [--http-batch=100] [--ceiling-docs=50000]
                             [--es-heap=1g] [--service-heap=512m] [--data=data] [--jars-from=.] [--refresh=500ms]
              --articles      articles replayed at full speed (sustained throughput), variants beyond the corpora
              --warmup        articles sent and awaited searchable before the clock starts (topics, stores, index
                              and JIT warm), variants of the corpus's last stories
              --loads         offered loads in articles/s for the latency phases (0 or empty: none)
              --duration      seconds each load is offered
              --intake        folder | http | both (both: half of the articles, alternate ticks, each way)
              --jars-from     a checkout whose <service>/target/*-exec.jar to run (default: this one)
              --refresh       the articles index's refresh interval from the end of the warm-up on (default:
                              query-service's query.refresh-interval, 500ms)""";

    static BenchOptions parse(String[] args, Path projectRoot) {
        var values = new java.util.HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("option " + arg + " needs a value\n" + USAGE);
            }
        }
        BenchOptions options = new BenchOptions(
                Integer.parseInt(values.getOrDefault("articles", "20000")),
                Integer.parseInt(values.getOrDefault("warmup", "1000")),
                loads(values.getOrDefault("loads", "10,100,500")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("duration", "60"))),
                Intake.valueOf(values.getOrDefault("intake", "both")),
                Integer.parseInt(values.getOrDefault("feed-batch", "500")),
                Integer.parseInt(values.getOrDefault("http-batch", "100")),
                Integer.parseInt(values.getOrDefault("ceiling-docs", "50000")),
                values.getOrDefault("es-heap", "1g"),
                values.getOrDefault("service-heap", "512m"),
                projectRoot.resolve(values.getOrDefault("data", "data")).normalize(),
                projectRoot.resolve(values.getOrDefault("jars-from", ".")).normalize(),
                values.getOrDefault("refresh", ""));
        values.keySet().removeAll(List.of("articles", "warmup", "loads", "duration", "intake", "feed-batch", "http-batch",
                "ceiling-docs", "es-heap", "service-heap", "data", "jars-from", "refresh"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + values.keySet() + "\n" + USAGE);
        }
        return options;
    }

    private static List<Integer> loads(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::parseInt).filter(load -> load > 0).toList();
    }
}
