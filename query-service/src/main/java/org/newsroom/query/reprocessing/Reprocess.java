package org.newsroom.query.reprocessing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.newsroom.query.QueryProperties;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.indexing.ArticleIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./newsroom reprocess}: re-enriches the raw topic (or a time range of it) with the current enrich-service
 * into a new index version, showing progress, then moves the alias to it in one atomic request once the replay
 * has caught up with the live topic; live services keep running throughout. See docs/reprocessing.md.
 */
public final class Reprocess {

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    /** How long a caught-up replay may hold fewer documents than the live index before the run gives up. */
    private static final Duration SHORTFALL_PATIENCE = Duration.ofSeconds(60);

    private final ReprocessSettings settings;
    private final ReprocessRequest request;
    private final ArticleIndex articles;
    private final ArticleIndexer indexer;
    private final PrintStream out = System.out;
    private long ticks;
    /** (nanoTime, raw records done) readings of the last {@link #RATE_WINDOW}. */
    private final Deque<long[]> samples = new ArrayDeque<>();
    private final long started = System.nanoTime();

    private Reprocess(ReprocessSettings settings, ReprocessRequest request, ElasticsearchClient client, JsonMapper json) {
        this.settings = settings;
        this.request = request;
        this.articles = new ArticleIndex(client, QueryProperties.forTools(settings.alias(), System.getenv()), json);
        this.indexer = new ArticleIndexer(client, articles, json);
    }

    public static void main(String[] args) throws Exception {
        quietLibraries();
        ReprocessRequest request;
        ReprocessSettings settings;
        try {
            request = ReprocessRequest.parse(args);
            settings = ReprocessSettings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("reprocess: " + e.getMessage());
            System.exit(2);
            return;
        }
        JsonMapper json = JsonMapper.builder().build();
        ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(settings.elasticsearchUrl())
                .jsonMapper(new Jackson3JsonpMapper(json)));
        try {
            new Reprocess(settings, request, client, json).run();
        } catch (Exception e) {
            System.err.println("\nreprocess failed: " + e.getMessage() + "\nThe alias was not moved unless said above; "
                    + "the new index, if created, is left for inspection (delete it when done).");
            System.exit(1);
        } finally {
            client._transport().close();
        }
    }

    /** Kafka's clients log every step at INFO; the command's own output is what a user should read. */
    private static void quietLibraries() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    private void run() throws Exception {
        articles.ensureExists();
        List<String> previous = articles.indicesBehindAlias();
        String index = articles.createNextVersion();
        out.printf("reprocess: %s -> new index %s (alias %s stays on %s until the replay catches up)%n",
                request.ranged() ? "raw records in " + range() : "every raw record", index, settings.alias(), previous);
        try (Replay replay = Replay.prepare(settings.kafkaBootstrapServers(), index, request.since())) {
            ReplayIndexer copier = new ReplayIndexer(settings.kafkaBootstrapServers(), replay.topic(), indexer, index, request);
            Thread indexing = Thread.ofPlatform().name("replay-indexer").start(copier);
            try {
                replayAndSwap(replay, copier, index, previous);
            } finally {
                copier.close();
                indexing.join();
                replay.remove();
                deleteTree(settings.workDir().resolve(index).resolve("enrich-state"));
            }
        }
        report(previous, index);
    }

    private void replayAndSwap(Replay replay, ReplayIndexer copier, String index, List<String> previous)
            throws Exception {
        try (EnrichReplay enrich = EnrichReplay.start(settings, replay, index)) {
            out.printf("replaying with enrich-service as %s (log: %s)%n", replay.applicationId(), enrich.log());
            awaitCaughtUp(replay, copier, enrich, index, previous);
            articles.swapTo(index, previous);
            out.printf("%nalias %s -> %s (was %s)%n", settings.alias(), index, previous);
            // Raw records published before the swap may so far be only in the live index: replay them too.
            Map<TopicPartition, Long> atSwap = replay.rawEnds();
            while (!caughtUp(replay, copier, atSwap)) {
                tick(replay, copier, enrich, atSwap);
            }
            if (request.ranged()) {
                articles.copyMissing(previous, index);
            }
        }
    }

    /** Waits until the replay has everything the raw topic holds and the new index is no smaller than the live one. */
    private void awaitCaughtUp(Replay replay, ReplayIndexer copier, EnrichReplay enrich, String index,
                               List<String> previous) throws Exception {
        long shortSince = -1;
        while (true) {
            Map<TopicPartition, Long> ends = replay.rawEnds();
            if (caughtUp(replay, copier, ends)) {
                if (request.ranged()) {
                    articles.copyMissing(previous, index);
                }
                long live = countOf(previous);
                long fresh = articles.count(index);
                if (fresh >= live) {
                    return;
                }
                shortSince = shortSince == -1 ? System.nanoTime() : shortSince;
                if (System.nanoTime() - shortSince > SHORTFALL_PATIENCE.toNanos()) {
                    throw new IllegalStateException(index + " holds " + fresh + " articles, fewer than the " + live
                            + " behind the alias: the raw topic no longer has them all (retention?). Replay a range "
                            + "with --since, which keeps older articles, or delete " + index);
                }
            } else {
                shortSince = -1;
            }
            tick(replay, copier, enrich, ends);
        }
    }

    private boolean caughtUp(Replay replay, ReplayIndexer copier, Map<TopicPartition, Long> targets) throws Exception {
        long checked = System.nanoTime();
        if (!replay.caughtUp(targets)) {
            return false;
        }
        // The replay committed its output before `checked`: wait for the indexer to pass that point.
        for (int i = 0; i < 50 && copier.failure() == null; i++) {
            if (copier.caughtUpAfter(checked)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void tick(Replay replay, ReplayIndexer copier, EnrichReplay enrich, Map<TopicPartition, Long> ends)
            throws Exception {
        if (copier.failure() != null) {
            throw copier.failure();
        }
        enrich.requireAlive();
        Replay.Position position = replay.position(ends);
        long now = System.nanoTime();
        samples.addLast(new long[] {now, position.done()});
        while (now - samples.getFirst()[0] > RATE_WINDOW.toNanos()) {
            samples.removeFirst();
        }
        Progress progress = new Progress(position.done(), position.total(), copier.indexed(),
                position.done() - samples.getFirst()[1], Duration.ofNanos(now - samples.getFirst()[0]));
        if (settings.terminal()) {
            out.print("\r" + progress.line());
        } else if (ticks++ % 5 == 0) {
            out.println(progress.line());
        }
        Thread.sleep(TICK);
    }

    private long countOf(List<String> indices) throws Exception {
        long total = 0;
        for (String index : indices) {
            total += articles.count(index);
        }
        return total;
    }

    private void report(List<String> previous, String index) throws Exception {
        out.printf("done in %s: %s holds %,d articles; the previous %s %,d (kept for a rollback, see docs/reprocessing.md)%n",
                Duration.ofNanos(System.nanoTime() - started).withNanos(0), index, articles.count(index), previous,
                countOf(previous));
        out.println("removed the replay's topics, consumer group and state");
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private String range() {
        return "[" + (request.since() == null ? "start" : request.since()) + ", "
                + (request.until() == null ? "now" : request.until()) + ")";
    }
}
