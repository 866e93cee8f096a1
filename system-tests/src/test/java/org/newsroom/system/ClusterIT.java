package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Topics;
import org.newsroom.localstack.ClusterSettings;
import org.newsroom.localstack.LocalCluster;
import org.newsroom.localstack.Ports;
import org.newsroom.system.FaultCampaign.Decision;
import org.newsroom.system.FaultCampaign.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system as a cluster on one machine (3 Kafka brokers, 3 Elasticsearch nodes, 2 ingest, 3 enrich and 2 query
 * instances, as {@code ./newsroom cluster-up} runs it): under a steady stream of articles (one in five a
 * republication), SIGKILL one broker and one Elasticsearch node, then one instance of each service, and start each
 * again on its state ({@code ./newsroom cluster-test}: several rounds, other victims each round). Then every article is searchable exactly once, every file was taken once, every dedup decision
 * equals a single-node run's, the live stream on the query instance that stayed up announced every article once
 * (and the restarted one every article after its client reconnected, once), and the saved search fired once per
 * matching article.
 */
class ClusterIT {

    private static final String API_KEY = "cluster-test-key-0123456789";
    private static final Duration DROP_INTERVAL = Duration.ofMillis(Long.getLong("cluster.dropIntervalMs", 1000));
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** Rounds of crashes: ClusterIT runs one; {@code ./newsroom cluster-test} more, each round other victims. */
    private static final int ROUNDS = Integer.getInteger("cluster.rounds", 1);
    private static final String ALERT_QUERY = "said";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void underCrashesOfABrokerANodeAndAnInstanceOfEachServiceEveryArticleIsSearchableAnnouncedAndAlertedOnce()
            throws Exception {
        List<Item> items = FaultCampaign.items();
        Map<String, Integer> instances = new LinkedHashMap<>();
        instances.put(LocalCluster.QUERY, 2);
        instances.put(LocalCluster.ENRICH, 3);
        instances.put(LocalCluster.INGEST, 2);
        Path root = ProjectRoot.path();
        ClusterSettings settings = new ClusterSettings(root, RunningPipeline.freshHome("cluster-it"), 3, 3, instances,
                "384m", "512m", "320m", Ports::free, RunningPipeline.withQuickFailover(Map.of("NEWSROOM_API_KEY", API_KEY)));
        int n;
        Map<String, Decision> inCluster;
        Instant starting = Instant.now();
        try (LocalCluster cluster = LocalCluster.start(settings)) {
            long memory = cluster.residentMegabytes().values().stream().mapToLong(Long::longValue).sum();
            say("cluster up in %d s (%d processes, %d MiB resident)".formatted(
                    Duration.between(starting, Instant.now()).toSeconds(), cluster.parts().size(), memory));
            // elasticsearch-1 is never killed: the test reads the index through it.
            String elasticsearch = cluster.elasticsearchUrls().split(",")[0];
            String query1 = cluster.url("query-service-1");
            String query2 = cluster.url("query-service-2");
            String alertId = saveSearch(query1);
            try (AlertLog alerts = new AlertLog(cluster.kafkaBootstrapServers());
                 LiveClient stayingUp = LiveClient.open(query1); LiveClient restarted = LiveClient.open(query2)) {
                FaultCampaign.Feeder feeder = new FaultCampaign.Feeder(items, cluster.inboxFolders().inbox(), DROP_INTERVAL);
                feeder.start();
                LiveClient reconnected = null;
                try {
                    for (int round = 0; round < ROUNDS; round++) {
                        Thread.sleep(5_000);
                        // elasticsearch-1 (read by the test) and query-service-1 (its client must see everything) stay up.
                        crashAndRestart(cluster, feeder, List.of("kafka-" + (1 + (round + 1) % 3),
                                "elasticsearch-" + (2 + round % 2)));
                        Thread.sleep(3_000);
                        crashAndRestart(cluster, feeder, List.of("ingest-service-" + (1 + (round + 1) % 2),
                                "enrich-service-" + (1 + (round + 1) % 3), "query-service-2"));
                        if (reconnected != null) {
                            reconnected.close();
                        }
                        reconnected = LiveClient.open(query2);
                    }
                    Thread.sleep(10_000);
                } finally {
                    n = feeder.finish();
                }
                Instant reconnectedAt = reconnected.openedAt();
                // The restarted instance's live consumer starts at the end of the topic once it has its partitions:
                // articles dropped a little after the client reconnected are certainly after that.
                int droppedAfterReconnect = n - feeder.droppedBy(reconnectedAt.plusSeconds(5));
                say("stream stopped: N = %d articles dropped".formatted(n));
                Duration drained = FaultCampaign.awaitSearchable(elasticsearch, n, "all N articles");
                Thread.sleep(SETTLE.toMillis());
                say("all %d searchable %d s after the stream stopped".formatted(n, drained.toSeconds()));

                inCluster = FaultCampaign.decisions(elasticsearch, items.subList(0, n), List.of());
                assertEveryFileTakenOnce(cluster, n);
                say("verified: %d articles searchable, each exactly once; %d files in done, none failed or left"
                        .formatted(n, n));

                Map<String, String> idsByGuid = idsByGuid(elasticsearch, n);
                // An article enrich emitted again (a copy seen before its original: a later, better decision) may be
                // announced once per emitted version; none may be announced more often than it was emitted.
                Map<String, Long> emitted = emittedVersions(cluster.kafkaBootstrapServers());
                long reEmitted = emitted.values().stream().filter(times -> times > 1).count();
                assertAnnouncedOnce("query-service-1's live stream (up all along)", stayingUp.announced(), emitted,
                        idsByGuid.values());
                assertAnnouncedOnce("query-service-2's stream before its crash", restarted.announced(), emitted, List.of());
                List<String> expectedAfter = items.subList(n - droppedAfterReconnect, n).stream()
                        .map(item -> idsByGuid.get(item.guid())).toList();
                assertAnnouncedOnce("query-service-2's stream reconnected after its restart", reconnected.announced(),
                        emitted, expectedAfter);
                reconnected.close();
                say("verified: query-service-1's stream announced all %d articles, each once per version enrich emitted"
                        .formatted(n) + " (%d emitted twice or more); query-service-2's, reconnected after its restart, the %d"
                        .formatted(reEmitted, expectedAfter.size()) + " dropped since; no article announced more often"
                        + " than emitted (%d announced before its crash)".formatted(restarted.announced().size()));

                Set<String> matching = matching(elasticsearch, n);
                Map<String, Long> fired = alerts.awaitMatches(alertId, matching.size());
                assertThat(fired.keySet()).as("articles the saved search fired for").isEqualTo(matching);
                assertThat(fired).as("times the saved search fired per article (at most once per emitted version)")
                        .allSatisfy((id, times) -> assertThat(times).as(id).isLessThanOrEqualTo(emitted.getOrDefault(id, 1L)));
                long distinct = fired.values().stream().mapToLong(Long::longValue).sum();
                say("verified: the saved search '%s' fired once for each of the %d matching articles (%d distinct matches,"
                        .formatted(ALERT_QUERY, matching.size(), distinct) + " %d records: %d redelivered with the same id)"
                        .formatted(alerts.records(), alerts.records() - distinct));
                assertTopicsReplicated(cluster);
            }
        }
        Map<String, Decision> singleNode = FaultCampaign.runWithoutFaults(items.subList(0, n));
        Map<String, Decision> changed = new TreeMap<>();
        singleNode.forEach((id, decision) -> {
            if (!decision.equals(inCluster.get(id))) {
                changed.put(id, inCluster.get(id));
            }
        });
        assertThat(changed).as("dedup decisions that differ from a single-node run (article -> decision in the cluster)")
                .isEmpty();
        say("verified: all %d dedup decisions equal those of a single-node run of the same articles".formatted(n));
    }

    /** SIGKILL to each of {@code parts} at once, then each started again on its state, side by side. */
    private static void crashAndRestart(LocalCluster cluster, FaultCampaign.Feeder feeder, List<String> parts)
            throws Exception {
        say("kill -9 %s (%d articles dropped so far)".formatted(parts, feeder.dropped()));
        parts.forEach(cluster::kill);
        Thread.sleep(2_000);
        Map<String, CompletableFuture<Duration>> restarts = new LinkedHashMap<>();
        for (String part : parts) {
            restarts.put(part, CompletableFuture.supplyAsync(() -> {
                Instant began = Instant.now();
                try {
                    cluster.restart(part);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return Duration.between(began, Instant.now());
            }));
        }
        Map<String, Long> took = new LinkedHashMap<>();
        for (var restart : restarts.entrySet()) {
            took.put(restart.getKey(), restart.getValue().get().toSeconds());
        }
        say("restarted on their state, up after (s): " + took);
    }

    /** Kafka topics the project created: every one replicated 3 times and needing 2 in-sync replicas to write. */
    private static void assertTopicsReplicated(LocalCluster cluster) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", cluster.kafkaBootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
            for (TopicDescription topic : topics.values()) {
                assertThat(topic.partitions()).as(topic.name()).allSatisfy(partition ->
                        assertThat(partition.replicas()).as(topic.name() + " replicas").hasSize(3));
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                assertThat(config.get("min.insync.replicas").value()).as(topic.name() + " min.insync.replicas").isEqualTo("2");
            }
            say("verified: all %d topics (%s, ...) have 3 replicas per partition and min.insync.replicas 2"
                    .formatted(names.size(), Topics.ARTICLES_RAW));
        }
    }

    /**
     * Every article of {@code expected} announced, and none more often than enrich emitted it (each version at most
     * once): a live stream's client sees each new article once, and a later version of it again.
     */
    private static void assertAnnouncedOnce(String stream, List<String> announced, Map<String, Long> emitted,
                                            java.util.Collection<String> expected) {
        Map<String, Long> times = announced.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(times.keySet()).as("articles announced on " + stream).containsAll(expected);
        assertThat(times).as("times each article was announced on " + stream + " (at most once per emitted version)")
                .allSatisfy((id, count) -> assertThat(count).as(id).isLessThanOrEqualTo(emitted.getOrDefault(id, 0L)));
    }

    /** How many versions of each article enrich emitted on {@code articles.enriched.v1} (committed records). */
    private static Map<String, Long> emittedVersions(String bootstrapServers) {
        Map<String, Long> versions = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers,
                "group.id", "cluster-it-enriched-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_ENRICHED));
            int idle = 0;
            while (idle < 5) {
                var records = consumer.poll(Duration.ofSeconds(1));
                idle = records.isEmpty() ? idle + 1 : 0;
                records.forEach(record -> versions.merge(record.key(), record.value() == null ? 0L : 1L, Long::sum));
            }
        }
        return versions;
    }

    private static String saveSearch(String queryService) throws Exception {
        // The first saved search creates the saved-search index across the cluster: slow on a loaded machine.
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(queryService + "/api/alerts"))
                .timeout(Duration.ofMinutes(3)).header("Content-Type", "application/json").header("X-Api-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Said\", \"query\": \"" + ALERT_QUERY + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    /** The articles the saved search stands for: its query, as the percolator runs it, over the index. */
    private static Set<String> matching(String elasticsearch, int n) throws Exception {
        String body = """
                {"size": %d, "_source": ["articleId"], "query": {"simple_query_string": {"query": "%s",
                 "fields": ["headline^3", "paragraphs", "byline"], "default_operator": "and"}}}""".formatted(n + 100, ALERT_QUERY);
        JsonNode hits = post(elasticsearch + "/articles/_search", body).path("hits").path("hits");
        Set<String> ids = new java.util.HashSet<>();
        hits.forEach(hit -> ids.add(hit.path("_source").path("articleId").asString()));
        return ids;
    }

    private static Map<String, String> idsByGuid(String elasticsearch, int n) throws Exception {
        JsonNode hits = FaultCampaign.get(elasticsearch + "/articles/_search?size=" + (n + 100) + "&_source=articleId,guid")
                .path("hits").path("hits");
        Map<String, String> ids = new HashMap<>();
        hits.forEach(hit -> ids.put(hit.path("_source").path("guid").asString(), hit.path("_source").path("articleId").asString()));
        return ids;
    }

    private static JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void assertEveryFileTakenOnce(LocalCluster cluster, int n) throws IOException {
        try (Stream<Path> inbox = Files.list(cluster.inboxFolders().inbox()); Stream<Path> done = Files.list(cluster.inboxFolders().done())) {
            assertThat(inbox.filter(FaultCampaign::notClaims).count())
                    .as("files left in the inbox").isZero();
            assertThat(done.count()).as("files in done (one per file: none taken twice)").isEqualTo(n);
        }
        Path failed = cluster.inboxFolders().failed();
        try (Stream<Path> files = Files.exists(failed) ? Files.list(failed) : Stream.empty()) {
            assertThat(files.count()).as("files failed").isZero();
        }
    }

    /** A client of {@code GET /api/stream} (every article) that keeps the ids of the articles announced to it. */
    private static final class LiveClient implements AutoCloseable {

        private final List<String> announced = new CopyOnWriteArrayList<>();
        private final CompletableFuture<?> reading;
        private final Instant openedAt;

        private LiveClient(String queryService) throws Exception {
            var ready = new java.util.concurrent.CountDownLatch(1);
            HttpRequest request = HttpRequest.newBuilder(URI.create(queryService + "/api/stream"))
                    .header("Accept", "text/event-stream").build();
            reading = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                String event = "";
                String id = "";
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring("event:".length()).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring("id:".length()).strip();
                    } else if (line.isEmpty()) {
                        if (event.equals("ready")) {
                            ready.countDown();
                        } else if (event.equals("article")) {
                            announced.add(id);
                        }
                        event = "";
                        id = "";
                    }
                }
            });
            assertThat(ready.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("stream on " + queryService + " ready").isTrue();
            openedAt = Instant.now();
        }

        static LiveClient open(String queryService) throws Exception {
            return new LiveClient(queryService);
        }

        Instant openedAt() {
            return openedAt;
        }

        List<String> announced() {
            return List.copyOf(announced);
        }

        @Override
        public void close() {
            reading.cancel(true);
        }
    }

    /**
     * Reads {@code alerts.matched.v1} as a downstream consumer would (committed records only) all along, keeping per
     * article the distinct event ids (a match's id is its alert, article and version: a record redelivered after a
     * crash carries the same id, which is how consumers and webhook receivers tell it apart) and the records.
     */
    private static final class AlertLog implements AutoCloseable {

        private final Map<String, Map<String, Set<String>>> byAlert = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong records = new java.util.concurrent.atomic.AtomicLong();
        private final Thread reader;
        private volatile boolean closing;

        AlertLog(String bootstrapServers) {
            reader = Thread.ofPlatform().daemon().start(() -> {
                try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers,
                        "group.id", "cluster-it-alerts-" + System.nanoTime(), "auto.offset.reset", "earliest",
                        "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
                    consumer.subscribe(List.of(Topics.ALERTS_MATCHED));
                    while (!closing) {
                        for (var record : consumer.poll(Duration.ofMillis(500))) {
                            JsonNode event = JSON.readTree(record.value());
                            records.incrementAndGet();
                            byAlert.computeIfAbsent(event.path("alertId").asString(), id -> new ConcurrentHashMap<>())
                                    .computeIfAbsent(event.path("articleId").asString(), id -> ConcurrentHashMap.newKeySet())
                                    .add(event.path("eventId").asString());
                        }
                    }
                }
            });
        }

        /** The distinct matches of {@code alertId} per article, once it fired for {@code articles} articles (or a minute passed). */
        Map<String, Long> awaitMatches(String alertId, int articles) {
            try {
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> byAlert.getOrDefault(alertId, Map.of()).size() >= articles);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // the assertions that follow say what is missing
            }
            Map<String, Long> matches = new HashMap<>();
            byAlert.getOrDefault(alertId, Map.of()).forEach((article, ids) -> matches.put(article, (long) ids.size()));
            return matches;
        }

        /** Records read in all, redeliveries included. */
        long records() {
            return records.get();
        }

        @Override
        public void close() throws InterruptedException {
            closing = true;
            reader.join();
        }
    }

    private static void say(String line) {
        System.out.println("[cluster] " + line);
    }
}
