package org.newsroom.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.query.QueryProperties;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.indexing.ArticleIndexer;
import org.newsroom.query.indexing.BenchIndex;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search latency and throughput over N articles ({@code scripts/search-bench.sh}): bulk-loads Reuters and BBC
 * stories with variants through the real indexer, then times the page's query mix through the real
 * {@link ArticleSearch}, first one query at a time (latency), then from several threads (throughput).
 * Settings from the environment: BENCH_ARTICLES, BENCH_QUERIES, BENCH_THREADS, BENCH_OUT, ELASTICSEARCH_URL.
 */
public final class SearchBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.parseInt(env("BENCH_ARTICLES", "100000"));
        int queries = Integer.parseInt(env("BENCH_QUERIES", "2000"));
        int threads = Integer.parseInt(env("BENCH_THREADS", "4"));
        Path out = Path.of(env("BENCH_OUT", "search-bench.json")).toAbsolutePath();
        String url = System.getenv("ELASTICSEARCH_URL") != null ? System.getenv("ELASTICSEARCH_URL") : LocalEngines.elasticsearchUrl();
        String alias = "bench-articles-" + articles;
        ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(url).jsonMapper(new Jackson3JsonpMapper(JSON)));
        QueryProperties properties = QueryProperties.forAlias(alias);
        ArticleIndex index = BenchIndex.index(client, properties, JSON);
        ArticleIndexer indexer = BenchIndex.indexer(client, index, JSON);
        log("Elasticsearch at %s, index %s", url, alias);

        BenchArticles corpus = BenchArticles.read(dataDir());
        log("%,d base stories (Reuters with a body + BBC); target %,d articles", corpus.baseSize(), articles);
        double loadRate = load(client, index, indexer, corpus, articles);

        ArticleSearch search = new ArticleSearch(client, index, properties);
        BenchQueries mix = new BenchQueries(corpus.base(), 42);
        log("warming up (200 queries)");
        for (int i = 0; i < 200; i++) {
            search.search(mix.next().request());
        }
        log("latency: %,d queries one at a time", queries);
        Timings sequential = new Timings();
        for (int i = 0; i < queries; i++) {
            sequential.time(search, mix.next());
            if ((i + 1) % 500 == 0) {
                log("  %,d/%,d, p99 so far %.1f ms", i + 1, queries, sequential.all().percentile(0.99));
            }
        }
        log("throughput: %,d queries from %d threads", queries, threads);
        Timings concurrent = new Timings();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                BenchQueries own = new BenchQueries(corpus.base(), 100 + t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < queries / threads; i++) {
                        concurrent.time(search, own.next());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double qps = concurrent.all().count() / seconds;

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("articles", client.count(c -> c.index(alias)).count());
        report.put("loadDocsPerSecond", Math.round(loadRate));
        report.put("sequential", sequential.summary());
        report.put("concurrent", Map.of("threads", threads, "queriesPerSecond", Math.round(qps * 10) / 10.0,
                "latency", concurrent.summary()));
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        print(sequential, concurrent, threads, qps);
        log("written %s", out);
        client._transport().close();
    }

    /** Loads the articles unless the index already holds exactly that many (a re-run only measures). */
    private static double load(ElasticsearchClient client, ArticleIndex index, ArticleIndexer indexer,
                               BenchArticles corpus, int articles) throws Exception {
        index.ensureExists();
        client.indices().refresh(r -> r.index(index.alias()));
        long present = client.count(c -> c.index(index.alias())).count();
        if (present == articles) {
            log("index already holds %,d articles: not reloading", present);
            return Double.NaN;
        }
        long start = System.nanoTime();
        for (int from = (int) present; from < articles; from += 1000) {
            var outcome = indexer.write(corpus.slice(from, Math.min(1000, articles - from)), List.of());
            if (!outcome.rejected().isEmpty() || !outcome.retryable().isEmpty()) {
                throw new IllegalStateException("bulk failed: " + outcome);
            }
            if ((from + 1000) % 10000 == 0) {
                log("  loaded %,d/%,d (%,.0f articles/s)", from + 1000, articles,
                        (from + 1000 - present) / ((System.nanoTime() - start) / 1e9));
            }
        }
        double rate = (articles - present) / ((System.nanoTime() - start) / 1e9);
        client.indices().refresh(r -> r.index(index.alias()));
        log("loaded %,d articles at %,.0f/s", articles - present, rate);
        return rate;
    }

    private static void print(Timings sequential, Timings concurrent, int threads, double qps) {
        System.out.printf("%n%-20s %7s %8s %8s %8s %8s%n", "query kind", "count", "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (var entry : new TreeMap<>(sequential.byKind()).entrySet()) {
            row(entry.getKey(), entry.getValue());
        }
        row("ALL (one at a time)", sequential.all());
        row("ALL (" + threads + " threads)", concurrent.all());
        System.out.printf("throughput: %.1f queries/s with %d threads%n%n", qps, threads);
    }

    private static void row(String name, Timings.Series s) {
        System.out.printf("%-20s %7d %8.1f %8.1f %8.1f %8.1f%n", name, s.count(), s.percentile(0.5), s.percentile(0.9),
                s.percentile(0.99), s.percentile(1.0));
    }

    private static Path dataDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/reuters21578"))) {
                return dir.resolve("data");
            }
        }
        throw new IllegalStateException("data/reuters21578 not found above " + Path.of("").toAbsolutePath());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[search-bench] " + format + "%n", args);
    }
}
