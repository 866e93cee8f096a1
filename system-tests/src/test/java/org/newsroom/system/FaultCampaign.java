package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.localstack.InboxFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault campaign, run by {@code ./newsroom fault-test} (it takes many minutes, so it is not part of the
 * default test run). Every scenario prints what it did and what it verified, as {@code [faults]} lines.
 * <ul>
 * <li>Under a steady stream of articles (one in five a republication of an earlier one): SIGKILL of each
 * service, the Kafka broker and the Elasticsearch node in turn, each restarted on its state; Elasticsearch
 * frozen (SIGSTOP) for 60 s; enrich-service and then query-service stalled (SIGSTOP) while the stream goes on.
 * Then exactly the N articles dropped are searchable, each once, every file was taken in, and every dedup
 * decision is the one a run of the same articles without faults makes.</li>
 * <li>The inbox volume full (a real 4 MB tmpfs; needs root): clear error, nothing lost.</li>
 * </ul>
 */
class FaultCampaign {

    private static final int MAX_ARTICLES = Integer.getInteger("faults.articles", 4000);
    private static final Duration DROP_INTERVAL = Duration.ofMillis(Long.getLong("faults.dropIntervalMs", 1000));
    private static final Duration ES_OUTAGE = Duration.ofSeconds(Long.getLong("faults.esOutageSeconds", 60));
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(Long.getLong("faults.kafkaOutageSeconds", 600));
    private static final Duration STALL = Duration.ofSeconds(Long.getLong("faults.stallSeconds", 40));
    /**
     * Rebalances allowed per stall, summed over the service's consumer groups: new group generations its members
     * joined ({@link GroupGenerations}; a rebalance is one generation however many members join it). About one per
     * group is expected (a stall past the session timeout leaves the group, and coming back rejoins it); a
     * rebalancing storm would be many.
     */
    private static final int MAX_REBALANCES_PER_STALL = 4;
    /**
     * How long the searchable count may stand still, while it is short of its target, before the pipeline is
     * declared stuck. Progress, not a deadline: on a loaded shared machine a backlog drains slowly but steadily.
     */
    private static final Duration NO_PROGRESS = Duration.ofMinutes(3);
    /** Time for a copy re-emitted with an earlier canonical (out-of-order arrival) to be indexed too. */
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** Every fifth article republishes an earlier one, so that dedup has decisions to keep. */
    private static final int COPY_EVERY = 5;
    private static final Instant FIRST_PUBLISHED = Instant.parse("1987-03-02T08:00:00Z");
    private static final List<String> VICTIMS = List.of("ingest-service", "enrich-service", "query-service",
            FaultStack.KAFKA, FaultStack.ELASTICSEARCH);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One article of the stream: a Reuters story, or a republication of an earlier one ({@code copyOf}). */
    record Item(String guid, String headline, List<String> paragraphs, Instant publishedAt, String copyOf) {

        String json() {
            ObjectNode node = JSON.createObjectNode()
                    .put("guid", guid)
                    .put("headline", headline)
                    .put("body_text", String.join("\n\n", paragraphs))
                    .put("publishedAt", publishedAt.toString());
            return JSON.writeValueAsString(node);
        }
    }

    /** What dedup decided for an article, by the ids of the article and of its canonical. */
    record Decision(String status, String canonicalId) {
    }

    @Test
    void everyArticleIsSearchableOnceWithUnchangedDedupDecisionsAfterCrashesAnOutageAndStalls() throws Exception {
        List<Item> items = items();
        Map<String, Decision> underFaults;
        int n;
        try (FaultStack stack = new FaultStack(RunningPipeline.freshHome("fault-campaign"))) {
            stack.startAll();
            say("stack up: Kafka, Elasticsearch, ingest-, enrich-, query-service; a stream of articles starts ("
                    + DROP_INTERVAL.toMillis() + " ms apart, one in " + COPY_EVERY + " a republication)");
            Files.createDirectories(stack.inboxFolders().inbox());
            Feeder feeder = new Feeder(items, stack.inboxFolders().inbox(), DROP_INTERVAL);
            feeder.start();
            try {
                killEachPartInTurn(stack, feeder);
                elasticsearchUnavailable(stack, feeder);
                stalled(stack, feeder, "enrich-service");
                stalled(stack, feeder, "query-service");
            } finally {
                n = feeder.finish();
            }
            say("stream stopped: N = %d articles dropped (%d republications)".formatted(n, copies(items, n)));
            Duration drained = awaitSearchable(stack, n, "all N articles");
            assertThat(count(stack)).as("searchable articles, a while after all N were").isEqualTo(n);
            say("all %d searchable %d s after the stream stopped".formatted(n, drained.toSeconds()));
            Thread.sleep(SETTLE.toMillis());
            underFaults = decisions(stack, items.subList(0, n));
            assertEveryFileTakenIn(stack, n);
            say("verified: %d searchable (_count), %d distinct documents, each guid once, %d files in done, 0 failed, 0 left"
                    .formatted(count(stack), underFaults.size(), n));
        }
        Map<String, Decision> withoutFaults = runWithoutFaults(items.subList(0, n));
        Map<String, Decision> changed = new TreeMap<>();
        withoutFaults.forEach((id, decision) -> {
            if (!decision.equals(underFaults.get(id))) {
                changed.put(id, underFaults.get(id));
            }
        });
        assertThat(changed).as("dedup decisions that differ from the run without faults (article -> decision under faults)")
                .isEmpty();
        Map<String, Long> byStatus = underFaults.values().stream()
                .collect(Collectors.groupingBy(Decision::status, TreeMap::new, Collectors.counting()));
        say("verified: all %d dedup decisions (%s) equal those of the same %d articles run without faults"
                .formatted(underFaults.size(), byStatus, n));
    }

    private static void killEachPartInTurn(FaultStack stack, Feeder feeder) throws Exception {
        for (String victim : VICTIMS) {
            Thread.sleep(4_000);
            say("kill -9 %s (%d articles dropped so far)".formatted(victim, feeder.dropped()));
            stack.kill(victim);
            Thread.sleep(2_000);
            Instant restart = Instant.now();
            stack.start(victim);
            say("%s restarted on its state, up in %d s".formatted(victim, Duration.between(restart, Instant.now()).toSeconds()));
        }
    }

    /** Freezes the node (SIGSTOP) so requests hang rather than fail fast: the harder case for a client. */
    private static void elasticsearchUnavailable(FaultStack stack, Feeder feeder) throws Exception {
        HealthWatch health = new HealthWatch(stack.url("query-service"));
        health.start();
        int before = feeder.dropped();
        say("SIGSTOP elasticsearch for %d s while articles keep flowing".formatted(ES_OUTAGE.toSeconds()));
        stack.freeze(FaultStack.ELASTICSEARCH);
        try {
            Thread.sleep(ES_OUTAGE.toMillis());
        } finally {
            stack.thaw(FaultStack.ELASTICSEARCH);
        }
        Instant resumed = Instant.now();
        int during = feeder.dropped() - before;
        say("SIGCONT elasticsearch: %d articles were dropped during the outage".formatted(during));
        awaitSearchable(stack, feeder.droppedBy(resumed), "the articles dropped before the node resumed");
        say("searchable count caught up with the articles dropped before the node resumed, %d s after it resumed"
                .formatted(Duration.between(resumed, Instant.now()).toSeconds()));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> "UP".equals(health.last()));
        health.halt();
        say("query-service health during the outage: %s".formatted(health.transitions()));
        assertThat(health.transitions()).as("query-service health went DOWN during the outage and back UP")
                .contains("DOWN").endsWith("UP");
    }

    /** A consumer that stops consuming for a while (SIGSTOP: no polls, no heartbeats) as the stream goes on. */
    private static void stalled(FaultStack stack, Feeder feeder, String service) throws Exception {
        Set<String> generationsBefore = GroupGenerations.in(stack.log(service));
        long searchableBefore = count(stack);
        int droppedBefore = feeder.dropped();
        say("SIGSTOP %s for %d s (slow consumer) while articles keep flowing".formatted(service, STALL.toSeconds()));
        stack.freeze(service);
        try {
            Thread.sleep(STALL.toMillis());
        } finally {
            stack.thaw(service);
        }
        Instant resumed = Instant.now();
        long searchable = count(stack);
        int dropped = feeder.dropped();
        say("SIGCONT %s: %d dropped during the stall, searchable grew by %d, backlog %d articles"
                .formatted(service, dropped - droppedBefore, searchable - searchableBefore, dropped - searchable));
        awaitSearchable(stack, dropped, "the articles dropped by the end of the stall");
        Set<String> rebalances = new TreeSet<>(GroupGenerations.in(stack.log(service)));
        rebalances.removeAll(generationsBefore);
        say("backlog drained (searchable caught up with what was dropped by the end of the stall) %d s after %s resumed; rebalances of its consumer groups meanwhile: %d %s"
                .formatted(Duration.between(resumed, Instant.now()).toSeconds(), service, rebalances.size(), rebalances));
        assertThat(rebalances).as("new generations of " + service + "'s consumer groups (a rebalancing storm would be many)")
                .hasSizeLessThanOrEqualTo(MAX_REBALANCES_PER_STALL);
    }

    /** The same articles, dropped at once into a fresh stack that nothing disturbs: the reference decisions. */
    static Map<String, Decision> runWithoutFaults(List<Item> items) throws Exception {
        try (FaultStack stack = new FaultStack(RunningPipeline.freshHome("fault-baseline"))) {
            stack.startAll();
            say("run without faults: a fresh stack, the same %d articles dropped at once".formatted(items.size()));
            Files.createDirectories(stack.inboxFolders().inbox());
            for (Item item : items) {
                drop(item, stack.inboxFolders().inbox());
            }
            awaitSearchable(stack, items.size(), "all N articles");
            Thread.sleep(SETTLE.toMillis());
            return decisions(stack, items);
        }
    }

    /**
     * Kafka away for {@link #KAFKA_OUTAGE} (10 minutes by default) under a steady stream: files wait in the inbox and
     * pushes are refused with 503 (nothing taken, nothing lost), then all of it drains once the broker is back. After
     * it, bad input fails alone: an article at the size limit is taken in and one over it goes to failed, and a
     * poison record on {@code articles.enriched.v1} goes to its dead-letter topic while indexing goes on.
     */
    @Test
    void kafkaAwayUnderLoadHoldsEveryInputThenDrainsAndBadInputFailsAlone() throws Exception {
        List<Item> items = items();
        try (FaultStack stack = new FaultStack(RunningPipeline.freshHome("fault-kafka-outage"))) {
            stack.startAll();
            Files.createDirectories(stack.inboxFolders().inbox());
            Feeder feeder = new Feeder(items, stack.inboxFolders().inbox(), DROP_INTERVAL);
            feeder.start();
            Item pushed = new Item("desk-push-1", "Pushed while Kafka was away",
                    List.of("A desk pushed this article over HTTP while the broker was down.", "It was sent again later."),
                    FIRST_PUBLISHED, null);
            int n;
            SlowReceiver slowWebhook = SlowReceiver.start();
            try (java.net.Socket silentStream = silentStream(stack)) {
                saveSearchWithWebhook(stack, slowWebhook.url());
                say("a saved search posts every matching article to a webhook that answers only after 30 s, and an SSE"
                        + " client opened /api/stream and never reads");
                Thread.sleep(5_000);
                say("kill -9 kafka for %d s while articles keep flowing (%d dropped so far)"
                        .formatted(KAFKA_OUTAGE.toSeconds(), feeder.dropped()));
                stack.kill(FaultStack.KAFKA);
                Thread.sleep(Math.min(30_000, KAFKA_OUTAGE.toMillis() / 2));
                HttpResponse<String> refused = push(stack, pushed);
                assertThat(refused.statusCode()).as("a push while Kafka is away: " + refused.body()).isEqualTo(503);
                Thread.sleep(Math.max(0, KAFKA_OUTAGE.toMillis() - Math.min(30_000, KAFKA_OUTAGE.toMillis() / 2)));
                long waiting = filesIn(stack.inboxFolders().inbox());
                say("after %d s without Kafka: %d files wait in the inbox, %d failed, the push was refused with 503"
                        .formatted(KAFKA_OUTAGE.toSeconds(), waiting, filesIn(stack.inboxFolders().failed())));
                assertThat(filesIn(stack.inboxFolders().failed())).as("files moved to failed while Kafka was away").isZero();
                Instant restart = Instant.now();
                stack.start(FaultStack.KAFKA);
                say("kafka restarted, up in %d s".formatted(Duration.between(restart, Instant.now()).toSeconds()));
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> push(stack, pushed).statusCode() == 202);
                say("the refused push, sent again, was accepted");
                Thread.sleep(10_000);
            } finally {
                n = feeder.finish();
            }
            int slowCalls = slowWebhook.calls();
            slowWebhook.stop();
            say("stream stopped: N = %d articles dropped".formatted(n));

            Item atLimit = new Item("at-limit-1", "An article just under the size limit", bigParagraphs(2 * 1024 * 1024 - 64 * 1024),
                    FIRST_PUBLISHED, null);
            Item overLimit = new Item("over-limit-1", "An article over the size limit", bigParagraphs(2 * 1024 * 1024 + 256 * 1024),
                    FIRST_PUBLISHED, null);
            drop(atLimit, stack.inboxFolders().inbox());
            drop(overLimit, stack.inboxFolders().inbox());
            publishPoison(stack);
            say("dropped an article just under the 2 MB limit and one over it; a poison record sent to articles.enriched.v1");

            Duration drained = awaitSearchable(stack, n + 2, "all N articles, the push and the article at the limit");
            Thread.sleep(SETTLE.toMillis());
            assertThat(count(stack)).as("searchable articles, a while after all were").isEqualTo(n + 2);
            List<Item> expected = new ArrayList<>(items.subList(0, n));
            expected.add(atLimit);
            decisions(stack, expected, List.of(pushed.guid()));
            say("verified: all %d searchable %d s after the stream stopped, each once".formatted(n + 2, drained.toSeconds()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(stack.inboxFolders().failed().resolve("over-limit-1.json")).exists();
                assertThat(stack.inboxFolders().failed().resolve("over-limit-1.json.error")).content().contains("ingest.max-article-size");
            });
            assertThat(filesIn(stack.inboxFolders().failed())).as("failed: the over-limit file and its reason").isEqualTo(2);
            assertThat(filesIn(stack.inboxFolders().inbox())).as("files left in the inbox").isZero();
            assertThat(filesIn(stack.inboxFolders().done())).as("files taken in").isEqualTo(n + 1);
            assertPoisonDeadLettered(stack);
            say("verified: the over-limit file is in failed with its reason, %d files in done, the poison record is on"
                    .formatted(n + 1) + " articles.enriched.v1.DLT with its cause");
            assertThat(slowCalls).as("calls that reached the slow webhook receiver").isPositive();
            say("verified: the slow webhook receiver was called %d times and the silent SSE client was held; indexing kept"
                    .formatted(slowCalls) + " up with the stream all along (live streams dropped: %s)"
                    .formatted(metric(stack, "live_streams_dropped_total")));
        }
    }

    /** A webhook receiver that takes every call and answers only after 30 s: the slowest a receiver may be. */
    private record SlowReceiver(com.sun.net.httpserver.HttpServer server, java.util.concurrent.atomic.AtomicInteger count) {

        static SlowReceiver start() throws IOException {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(FaultStack.SLOW_RECEIVER_HOST, 0), 50);
            var count = new java.util.concurrent.atomic.AtomicInteger();
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/hook", exchange -> {
                count.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return new SlowReceiver(server, count);
        }

        String url() {
            return "http://" + FaultStack.SLOW_RECEIVER_HOST + ":" + server.getAddress().getPort() + "/hook";
        }

        int calls() {
            return count.get();
        }

        void stop() {
            server.stop(0);
        }
    }

    private static void saveSearchWithWebhook(FaultStack stack, String webhook) throws Exception {
        String body = "{\"name\": \"Everything said\", \"query\": \"said\", \"webhook\": \"" + webhook + "\"}";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("query-service") + "/api/alerts"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-Api-Key", FaultStack.INGEST_API_KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** An SSE client that sends its request and never reads a byte of the answer, with a small receive buffer. */
    private static java.net.Socket silentStream(FaultStack stack) throws IOException {
        URI url = URI.create(stack.url("query-service"));
        java.net.Socket socket = new java.net.Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(url.getHost(), url.getPort()), 5_000);
        socket.getOutputStream().write(("GET /api/stream?q=said HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
                + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String metric(FaultStack stack, String name) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("query-service") + "/actuator/prometheus"))
                .header("X-Api-Key", FaultStack.INGEST_API_KEY).build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith(name)).collect(Collectors.joining("; "));
    }

    private static final String[] BIG_WORDS = {"harbour", "minister", "talks", "shipping", "tariff", "council", "vote", "weather"};

    /** Paragraphs of about {@code bytes} UTF-8 bytes in all. */
    private static List<String> bigParagraphs(int bytes) {
        List<String> paragraphs = new ArrayList<>();
        int size = 0;
        int n = 0;
        while (size < bytes) {
            StringBuilder paragraph = new StringBuilder();
            for (int word = 0; word < 80; word++) {
                paragraph.append(BIG_WORDS[(n++ * 3 + word) % BIG_WORDS.length]).append(word == 79 ? "." : " ");
            }
            paragraphs.add(paragraph.toString());
            size += paragraph.length() + 2;
        }
        return paragraphs;
    }

    private static HttpResponse<String> push(FaultStack stack, Item item) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("guid", item.guid()).put("headline", item.headline())
                .put("body", String.join("\n\n", item.paragraphs())).put("source", "desk"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("ingest-service") + "/api/articles"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("X-Api-Key", FaultStack.INGEST_API_KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void publishPoison(FaultStack stack) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(org.newsroom.contracts.Topics.ARTICLES_ENRICHED,
                    "poison-1", "{\"articleId\": \"poison-1\", not json at all")).get();
        }
    }

    private static void assertPoisonDeadLettered(FaultStack stack) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(), "group.id", "fault-dlt-" + System.nanoTime(),
                "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(org.newsroom.contracts.Topics.ARTICLES_ENRICHED_DLT));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                boolean found = false;
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    if ("poison-1".equals(record.key()) && record.headers().lastHeader("kafka_dlt-exception-fqcn") != null) {
                        found = true;
                    }
                }
                assertThat(found).as("the poison record on articles.enriched.v1.DLT with its cause").isTrue();
            });
        }
    }

    private static long filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aFullInboxDiskGivesAClearErrorAndLosesNothing() throws Exception {
        Path home = Path.of("target", "fault-full-disk").toAbsolutePath();
        Path feed = InboxFolders.under(home).folder();
        unmount(feed);
        home = RunningPipeline.freshHome("fault-full-disk");
        Files.createDirectories(feed);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", feed.toString()) == 0,
                "mounting a small tmpfs for the inbox needs root (InboxFullDiskTests covers the same on Jimfs)");
        try (FaultStack stack = new FaultStack(home)) {
            say("inbox volume: a 4 MB tmpfs mounted on " + feed);
            stack.startAll();
            Path inbox = Files.createDirectories(stack.inboxFolders().inbox());
            List<Item> items = items().subList(0, 30).stream().filter(item -> item.copyOf() == null).toList();
            List<Path> staged = new ArrayList<>();
            for (Item item : items) {
                staged.add(Files.writeString(inbox.resolve(item.guid() + ".json.part"), item.json()));
            }
            staged.add(Files.write(inbox.resolve("binary.bin.part"), new byte[] {0, 1, 2, 3, 0, 0, 7}));
            staged.add(Files.writeString(inbox.resolve("half-broken.json.part"),
                    "[" + items.getFirst().json().replace(items.getFirst().guid(), "half-broken-1") + ",{\"guid\":\"half-broken-2\"}]"));
            long filled = fill(feed.resolve(".filler"));
            say("filled the volume (%d KB of filler); %d good files, 1 binary file and 1 file with a broken item appear in the inbox"
                    .formatted(filled / 1024, items.size()));
            for (Path part : staged) {
                String name = part.getFileName().toString();
                Files.move(part, part.resolveSibling(name.substring(0, name.length() - ".part".length())));
            }
            int posted = 3;
            for (int i = 0; i < posted; i++) {
                Item item = items.get(i);
                String body = item.json().replace(item.guid(), "http-" + item.guid());
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("ingest-service") + "/api/articles"))
                        .header("Content-Type", "application/json").header("X-Api-Key", FaultStack.INGEST_API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("POST /api/articles on a full inbox disk").isEqualTo(202);
            }
            say("POST /api/articles x%d while the disk is full: 202 each".formatted(posted));

            Path binary = inbox.resolve("binary.bin");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(Files.exists(stack.inboxFolders().done().resolve("half-broken.json"))).isTrue();
                assertThat(storageHealth(stack).path("status").asString()).isEqualTo("DOWN");
            });
            JsonNode down = storageHealth(stack);
            String failures = prometheus(stack).lines().filter(line -> line.startsWith("ingest_storage_failures_total"))
                    .collect(Collectors.joining("; "));
            assertThat(binary).exists();
            assertThat(Files.exists(stack.inboxFolders().failed().resolve("binary.bin"))).isFalse();
            assertThat(down.toString()).contains("No space left on device");
            assertThat(failures).contains("operation=\"failed\"").contains("operation=\"item-failures\"");
            assertThat(Files.readString(stack.log("ingest-service"))).contains("No space left on device");
            say("while full: binary.bin stays in the inbox, health storage=DOWN %s, metric %s, error logged"
                    .formatted(down.path("details").toString(), failures));

            Files.delete(feed.resolve(".filler"));
            say("freed the filler");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(Files.readString(stack.inboxFolders().failed().resolve("binary.bin.error"))).contains("binary");
                assertThat(Files.readString(stack.inboxFolders().failed().resolve("half-broken.json.error"))).contains("1 item(s) refused");
                assertThat(storageHealth(stack).path("status").asString()).isEqualTo("UP");
            });
            int expected = items.size() + 1 + posted;
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(count(stack)).isEqualTo(expected));
            try (Stream<Path> left = Files.list(inbox); Stream<Path> done = Files.list(stack.inboxFolders().done())) {
                assertThat(left.filter(FaultCampaign::notClaims).toList()).isEmpty();
                assertThat(done.count()).isEqualTo(items.size() + 1);
            }
            say("verified after freeing: binary.bin in failed with its .error, the broken item recorded, health UP, "
                    + "%d searchable (%d files + 1 good item of the half-broken file + %d posted), inbox empty"
                    .formatted(expected, items.size(), posted));
        } finally {
            unmount(feed);
        }
    }

    /** Writes until the volume refuses: No space left on device. */
    private static long fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
        return Files.size(filler);
    }

    private static void unmount(Path mountPoint) throws IOException, InterruptedException {
        boolean mounted = Files.readAllLines(Path.of("/proc/mounts")).stream()
                .anyMatch(line -> line.split(" ")[1].equals(mountPoint.toString()));
        if (mounted && run("umount", mountPoint.toString()) != 0) {
            throw new IllegalStateException("could not unmount " + mountPoint);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    private static JsonNode storageHealth(FaultStack stack) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("ingest-service") + "/actuator/health/storage"))
                .header("X-Api-Key", FaultStack.INGEST_API_KEY).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String prometheus(FaultStack stack) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("ingest-service") + "/actuator/prometheus"))
                        .header("X-Api-Key", FaultStack.INGEST_API_KEY).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * Distinct Reuters stories (no title or body shared with another), with every fifth slot a republication
     * of an earlier story: alternately the same body re-headlined (an exact duplicate) and the body with a
     * paragraph of its own added (a near duplicate). Published a minute apart, so each copy is later.
     */
    static List<Item> items() {
        Set<String> titles = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        List<ReutersStory> stories = Reuters21578.read(ProjectRoot.resolve("data", "reuters21578"))
                .stream()
                .filter(s -> s.title().length() > 10 && s.paragraphs().size() >= 2)
                .filter(s -> titles.add(s.title().strip().toLowerCase()) && bodies.add(s.body()))
                .limit(MAX_ARTICLES)
                .toList();
        List<Item> items = new ArrayList<>();
        int story = 0;
        for (int slot = 0; slot < MAX_ARTICLES && story < stories.size(); slot++) {
            Instant published = FIRST_PUBLISHED.plus(Duration.ofMinutes(slot));
            if (slot % COPY_EVERY == COPY_EVERY - 1) {
                Item original = items.get(slot - 3);
                if (original.copyOf() == null) {
                    items.add(republication(original, slot, published));
                    continue;
                }
            }
            ReutersStory s = stories.get(story++);
            items.add(new Item("reuters-" + s.newId(), s.title(), s.paragraphs(), published, null));
        }
        return items;
    }

    private static Item republication(Item original, int slot, Instant published) {
        String guid = "copy-" + slot + "-of-" + original.guid();
        if (slot % (2 * COPY_EVERY) == COPY_EVERY - 1) {
            return new Item(guid, "Republished: " + original.headline(), original.paragraphs(), published, original.guid());
        }
        List<String> paragraphs = new ArrayList<>(original.paragraphs());
        paragraphs.add("Our correspondent adds that local traders were watching the figures closely this week.");
        return new Item(guid, original.headline() + " (update)", paragraphs, published, original.guid());
    }

    private static int copies(List<Item> items, int n) {
        return (int) items.subList(0, n).stream().filter(item -> item.copyOf() != null).count();
    }

    static void drop(Item item, Path inbox) throws IOException {
        Path partial = inbox.resolve(item.guid() + ".json.part");
        Files.writeString(partial, item.json(), StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(item.guid() + ".json"));
    }

    /** Drops the items one by one at a steady pace until told to finish; remembers when each was dropped. */
    static final class Feeder extends Thread {

        private final List<Item> items;
        private final Path inbox;
        private final Duration interval;
        private final List<Instant> droppedAt = new CopyOnWriteArrayList<>();
        private volatile boolean finishing;
        private volatile Exception failure;

        Feeder(List<Item> items, Path inbox, Duration interval) {
            super("fault-campaign-feeder");
            this.items = items;
            this.inbox = inbox;
            this.interval = interval;
        }

        @Override
        public void run() {
            try {
                for (Item item : items) {
                    if (finishing) {
                        return;
                    }
                    drop(item, inbox);
                    droppedAt.add(Instant.now());
                    Thread.sleep(interval.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                failure = e;
            }
        }

        int dropped() {
            return droppedAt.size();
        }

        int droppedBy(Instant time) {
            return (int) droppedAt.stream().filter(at -> !at.isAfter(time)).count();
        }

        /** Stops the stream; returns N, how many articles were dropped. */
        int finish() throws InterruptedException {
            finishing = true;
            join();
            if (failure != null) {
                throw new IllegalStateException("the stream of articles failed", failure);
            }
            assertThat(dropped()).as("the story pool ran out before the faults were over (raise faults.articles)")
                    .isLessThan(items.size());
            return dropped();
        }
    }

    /** Polls query-service's health every second and keeps each change of its overall status. */
    private static final class HealthWatch extends Thread {

        private final String url;
        private final List<String> transitions = new CopyOnWriteArrayList<>();
        private volatile boolean stopping;

        HealthWatch(String serviceUrl) {
            super("fault-campaign-health");
            this.url = serviceUrl + "/actuator/health";
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stopping) {
                String status;
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(45)).build(), HttpResponse.BodyHandlers.ofString());
                    status = JSON.readTree(response.body()).path("status").asString("UNKNOWN");
                } catch (Exception e) {
                    status = "NO ANSWER";
                }
                if (transitions.isEmpty() || !transitions.getLast().equals(status)) {
                    transitions.add(status);
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        String last() {
            return transitions.isEmpty() ? "" : transitions.getLast();
        }

        List<String> transitions() {
            return List.copyOf(transitions);
        }

        void halt() {
            stopping = true;
        }
    }

    private static void assertEveryFileTakenIn(FaultStack stack, int n) throws IOException {
        try (Stream<Path> inbox = Files.list(stack.inboxFolders().inbox()); Stream<Path> done = Files.list(stack.inboxFolders().done())) {
            assertThat(inbox.filter(FaultCampaign::notClaims).count()).as("files left in the inbox").isZero();
            assertThat(done.count()).as("files taken in").isEqualTo(n);
        }
        try (Stream<Path> failed = Files.exists(stack.inboxFolders().failed()) ? Files.list(stack.inboxFolders().failed()) : Stream.empty()) {
            assertThat(failed.count()).as("files failed").isZero();
        }
    }

    /** Not ingest's claims folder, where files wait while an instance takes them (empty once all are taken). */
    static boolean notClaims(Path path) {
        return !path.getFileName().toString().equals(".claimed");
    }

    private static Map<String, Decision> decisions(FaultStack stack, List<Item> items) throws Exception {
        return decisions(stack, items, List.of());
    }

    /** Each article's decision, after checking that every item (and guid of {@code others}) is there exactly once. */
    private static Map<String, Decision> decisions(FaultStack stack, List<Item> items, List<String> others) throws Exception {
        return decisions(stack.elasticsearchUrl(), items, others);
    }

    /** The same on the Elasticsearch at {@code elasticsearch}. */
    static Map<String, Decision> decisions(String elasticsearch, List<Item> items, List<String> others) throws Exception {
        int expected = items.size() + others.size();
        JsonNode hits = get(elasticsearch + "/articles/_search?size=" + (expected + 100)
                + "&_source=articleId,guid,dedup").path("hits").path("hits");
        Map<String, Decision> decisions = new HashMap<>();
        Map<String, Integer> guids = new HashMap<>();
        hits.forEach(hit -> {
            JsonNode source = hit.path("_source");
            guids.merge(source.path("guid").asString(), 1, Integer::sum);
            decisions.put(source.path("articleId").asString(),
                    new Decision(source.path("dedup").path("status").asString(), source.path("dedup").path("canonicalId").asString("")));
        });
        assertThat(hits.size()).as("documents").isEqualTo(expected);
        assertThat(decisions).as("distinct article ids").hasSize(expected);
        Map<String, Integer> once = new HashMap<>(items.stream().collect(Collectors.toMap(Item::guid, item -> 1)));
        others.forEach(guid -> once.put(guid, 1));
        assertThat(guids).as("every dropped article indexed exactly once").isEqualTo(once);
        return decisions;
    }

    /**
     * Waits until at least {@code target} articles are searchable; fails when the count stops growing for
     * {@link #NO_PROGRESS} short of it. Returns how long it took.
     */
    private static Duration awaitSearchable(FaultStack stack, long target, String what) throws Exception {
        return awaitSearchable(stack.elasticsearchUrl(), target, what);
    }

    static Duration awaitSearchable(String elasticsearch, long target, String what) throws Exception {
        Instant start = Instant.now();
        long last = -1;
        Instant lastProgress = start;
        while (true) {
            long searchable = count(elasticsearch);
            if (searchable >= target) {
                return Duration.between(start, Instant.now());
            }
            if (searchable > last) {
                last = searchable;
                lastProgress = Instant.now();
            }
            assertThat(Duration.between(lastProgress, Instant.now()))
                    .as("%s (%d) not searchable: stuck at %d for %d s", what, target, searchable, NO_PROGRESS.toSeconds())
                    .isLessThan(NO_PROGRESS);
            Thread.sleep(2_000);
        }
    }

    private static long count(FaultStack stack) throws Exception {
        return count(stack.elasticsearchUrl());
    }

    static long count(String elasticsearch) throws Exception {
        return get(elasticsearch + "/articles/_count").path("count").asLong();
    }

    static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void say(String line) {
        System.out.println("[faults] " + line);
    }
}
