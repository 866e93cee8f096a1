package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.localstack.Jdks;
import org.newsroom.localstack.LocalEngines;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./newsroom reprocess} on the running system: while articles keep arriving and a reader searches without
 * pause, the raw topic is re-enriched into a new index and the alias moves to it. No search may fail or see fewer
 * of this test's articles than were indexed before, and the new index must hold each article once, re-enriched.
 */
class ReprocessIT {

    private static final int BEFORE = 20;
    /** More than can arrive while the command runs (it is given 6 minutes): arrivals go on until it exits. */
    private static final int MAX_DURING = 200;
    private static final Duration DROP_INTERVAL = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Articles on each side of the ranged reprocess's --since (stories the first test never drops). */
    private static final int RANGED = 4;
    /** The engines are shared with the other system tests: this word marks this run's articles. */
    private static final String MARK = "rp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static RunningPipeline pipeline;
    private static Path home;

    @BeforeAll
    static void startPipeline() throws IOException {
        home = RunningPipeline.freshHome("ReprocessIT");
        pipeline = RunningPipeline.start(LocalEngines.kafkaBootstrapServers(), LocalEngines.elasticsearchUrl(), home);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void reprocessRebuildsTheIndexFromTheRawTopicAndSwapsTheAliasWithoutASearchFailing() throws Exception {
        List<ReutersStory> stories = distinctStories();
        for (ReutersStory story : stories.subList(0, BEFORE)) {
            drop(story);
        }
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertThat(markedTotal()).isEqualTo(BEFORE));
        List<String> indicesBefore = aliasTargets();
        String enrichmentVersion = markedDocuments(indicesBefore.getFirst()).getFirst().path("enrichmentVersion").asString();
        Instant reprocessStarted = Instant.now();

        Reader reader = new Reader();
        Thread reading = Thread.ofPlatform().name("reader").start(reader);
        AtomicBoolean replaying = new AtomicBoolean(true);
        AtomicLong dropped = new AtomicLong(BEFORE);
        Thread arriving = Thread.ofPlatform().name("arrivals").start(() -> {
            try {
                while (replaying.get() && dropped.get() < BEFORE + MAX_DURING) {
                    drop(stories.get((int) dropped.getAndIncrement()));
                    Thread.sleep(DROP_INTERVAL);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        int exit = reprocess();
        replaying.set(false);
        arriving.join();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(markedTotal()).isEqualTo(dropped.get()));
        reader.stop();
        reading.join();

        String log = Files.readString(home.resolve("logs/reprocess.log"));
        assertThat(exit).as(log).isZero();
        assertThat(log).contains("raw records").contains("alias articles -> ");
        assertThat(reader.failures).as("failed searches").isEmpty();
        assertThat(reader.searches.get()).isGreaterThan(10);
        assertThat(reader.lowest.get()).as("fewest articles a search saw").isGreaterThanOrEqualTo(BEFORE);
        assertThat(dropped.get()).as("articles arrived during the reprocess").isGreaterThan(BEFORE);

        List<String> indicesAfter = aliasTargets();
        assertThat(indicesAfter).hasSize(1).doesNotContainAnyElementsOf(indicesBefore);
        List<JsonNode> documents = markedDocuments(indicesAfter.getFirst());
        Set<String> ids = new HashSet<>();
        documents.forEach(d -> ids.add(d.path("articleId").asString()));
        assertThat(documents).hasSize((int) dropped.get());
        assertThat(ids).hasSize((int) dropped.get());
        assertThat(documents).allSatisfy(d -> {
            assertThat(d.path("enrichmentVersion").asString()).isEqualTo(enrichmentVersion);
            assertThat(Instant.parse(d.path("enrichedAt").asString())).isAfter(reprocessStarted);
        });
        assertThat(home.resolve("reprocess").resolve(indicesAfter.getFirst()).resolve("enrich-state")).doesNotExist();
    }

    /**
     * {@code --since=T} re-enriches only the raw records published from T on; the articles before T come into the new
     * index as they were indexed (their enrichment time unchanged), so the new index still holds every article.
     */
    @Test
    void aRangeReenrichesItsArticlesAndCopiesTheOthersAsTheyWere() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String earlier = "rsb" + run;
        String later = "rsa" + run;
        List<ReutersStory> stories = distinctStories();
        int first = BEFORE + MAX_DURING; // stories the other test never drops
        for (ReutersStory story : stories.subList(first, first + RANGED)) {
            drop(story, earlier);
        }
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertThat(markedTotal(earlier)).isEqualTo(RANGED));
        // A range is by the raw records' Kafka time: T falls between the two groups' sends.
        Thread.sleep(1_000);
        Instant since = Instant.now();
        Thread.sleep(1_000);
        for (ReutersStory story : stories.subList(first + RANGED, first + 2 * RANGED)) {
            drop(story, later);
        }
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertThat(markedTotal(later)).isEqualTo(RANGED));
        List<String> indicesBefore = aliasTargets();
        Map<String, String> enrichedAtBefore = enrichedAtById(indicesBefore.getFirst(), earlier);
        Instant reprocessStarted = Instant.now();

        int exit = reprocess("--since=" + since);

        String log = Files.readString(home.resolve("logs/reprocess.log"));
        assertThat(exit).as(log).isZero();
        List<String> indicesAfter = aliasTargets();
        assertThat(indicesAfter).hasSize(1).doesNotContainAnyElementsOf(indicesBefore);
        assertThat(enrichedAtById(indicesAfter.getFirst(), earlier)).as("published before --since: copied as indexed").hasSize(RANGED)
                .isEqualTo(enrichedAtBefore);
        List<JsonNode> reenriched = markedDocuments(indicesAfter.getFirst(), later);
        assertThat(reenriched).as("published from --since on").hasSize(RANGED);
        assertThat(reenriched).allSatisfy(d -> assertThat(Instant.parse(d.path("enrichedAt").asString()))
                .as("re-enriched by the replay").isAfter(reprocessStarted));
    }

    /** Searches for this test's articles without pause, keeping every failure and the smallest total seen. */
    private static final class Reader implements Runnable {

        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong searches = new AtomicLong();
        private volatile boolean running = true;

        @Override
        public void run() {
            while (running) {
                try {
                    long total = markedTotal();
                    lowest.accumulateAndGet(total, Math::min);
                    searches.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
        }

        void stop() {
            running = false;
        }
    }

    /** Runs the reprocess command as {@code scripts/reprocess.sh} does, without the build step. */
    private static int reprocess(String... args) throws IOException, InterruptedException {
        Path root = ProjectRoot.path();
        Path log = Files.createDirectories(home.resolve("logs")).resolve("reprocess.log");
        List<String> command = new ArrayList<>(List.of(Jdks.javaOf(Jdks.find()).toString(),
                "-cp", execJar(root, "query-service").toString(),
                "-Dloader.main=org.newsroom.query.reprocessing.Reprocess",
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", LocalEngines.kafkaBootstrapServers());
        builder.environment().put("ELASTICSEARCH_URL", LocalEngines.elasticsearchUrl());
        builder.environment().put("REPROCESS_ENRICH_JAR", execJar(root, "enrich-service").toString());
        builder.environment().put("REPROCESS_WORK_DIR", home.resolve("reprocess").toString());
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("reprocess still running after 6 minutes; see " + log);
        }
        return process.exitValue();
    }

    private static Path execJar(Path root, String module) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build " + module + " first"));
        }
    }

    private static long markedTotal() {
        return markedTotal(MARK);
    }

    private static long markedTotal(String mark) {
        return pipeline.search(mark).path("total").asLong();
    }

    private static List<String> aliasTargets() throws IOException, InterruptedException {
        List<String> indices = new ArrayList<>();
        elasticsearch("/_alias/articles").properties().forEach(e -> indices.add(e.getKey()));
        return indices;
    }

    /** This test's documents in one index, read straight from Elasticsearch (not through the alias). */
    private static List<JsonNode> markedDocuments(String index) throws IOException, InterruptedException {
        return markedDocuments(index, MARK);
    }

    private static List<JsonNode> markedDocuments(String index, String mark) throws IOException, InterruptedException {
        elasticsearch("/" + index + "/_refresh");
        JsonNode hits = elasticsearch("/" + index + "/_search?size=1000&q=paragraphs:" + mark).path("hits").path("hits");
        List<JsonNode> documents = new ArrayList<>();
        hits.forEach(hit -> documents.add(hit.path("_source")));
        return documents;
    }

    /** Each marked article's enrichment time in one index, by article id. */
    private static Map<String, String> enrichedAtById(String index, String mark) throws IOException, InterruptedException {
        Map<String, String> enrichedAt = new HashMap<>();
        markedDocuments(index, mark).forEach(d -> enrichedAt.put(d.path("articleId").asString(),
                d.path("enrichedAt").asString()));
        return enrichedAt;
    }

    private static JsonNode elasticsearch(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(LocalEngines.elasticsearchUrl() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void drop(ReutersStory story) throws IOException {
        drop(story, MARK);
    }

    private static void drop(ReutersStory story, String mark) throws IOException {
        String text = story.title() + "\n\n" + String.join("\n\n", story.paragraphs())
                + "\n\nFiled for run " + mark + ".\n";
        pipeline.drop("reprocess-" + story.newId() + ".txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stories with a title and a body no other chosen story shares (Reuters repeats some bodies verbatim). */
    private static List<ReutersStory> distinctStories() {
        Set<String> titles = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        return Reuters21578.read(ProjectRoot.resolve("data", "reuters21578"))
                .stream()
                .filter(s -> s.title().length() > 10 && s.paragraphs().size() >= 2)
                // A story opening with markup would be read as an XML document and set aside.
                .filter(s -> !s.title().contains("<") && !s.body().contains("<"))
                .filter(s -> titles.add(s.title().toLowerCase()) && bodies.add(s.body()))
                .limit(BEFORE + MAX_DURING + 2 * RANGED)
                .toList();
    }
}
