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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With a steady stream of N articles dropped into the inbox, kills each service in turn with SIGKILL, then
 * the Kafka broker, then Elasticsearch, restarting each; then checks that exactly N distinct articles are
 * searchable, each once, and that every input file was taken in. Not part of the default test run (it takes
 * minutes): {@code ./newsroom fault-test}.
 */
class FaultCampaign {

    private static final int ARTICLES = Integer.getInteger("faults.articles", 400);
    private static final Duration DROP_INTERVAL = Duration.ofMillis(Long.getLong("faults.dropIntervalMs", 250));
    private static final List<String> VICTIMS = List.of("ingest-service", "enrich-service", "query-service",
            FaultStack.KAFKA, FaultStack.ELASTICSEARCH);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyArticleIsSearchableExactlyOnceAfterEachPartIsKilledAndRestarted() throws Exception {
        List<ReutersStory> stories = distinctStories();
        try (FaultStack stack = new FaultStack(RunningPipeline.freshHome("fault-campaign"))) {
            stack.startAll();
            Files.createDirectories(stack.inbox());
            CompletableFuture<Void> dropping = CompletableFuture.runAsync(() -> dropAll(stories, stack.inbox()));

            for (String victim : VICTIMS) {
                Thread.sleep(4_000);
                say("kill -9 " + victim);
                stack.kill(victim);
                Thread.sleep(2_000);
                say("restarting " + victim);
                stack.start(victim);
                say(victim + " is back");
            }
            dropping.join();

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(count(stack)).isEqualTo(ARTICLES));
            Set<String> indexed = headlines(stack);
            Set<String> dropped = new HashSet<>(stories.stream().map(s -> normalised(s.title())).toList());
            assertThat(indexed).isEqualTo(dropped);
            try (Stream<Path> inbox = Files.list(stack.inbox()); Stream<Path> done = Files.list(stack.done())) {
                assertThat(inbox.count()).as("files left in the inbox").isZero();
                assertThat(done.count()).as("files taken in").isEqualTo(ARTICLES);
            }
            assertThat(Files.exists(stack.failed()) ? Files.list(stack.failed()).count() : 0).as("files failed").isZero();
            say("%d articles dropped, %d searchable, each once, after killing %s".formatted(ARTICLES, indexed.size(), VICTIMS));
        }
    }

    /** Stories with a title and a body no other chosen story shares (Reuters repeats some bodies verbatim). */
    private static List<ReutersStory> distinctStories() {
        Set<String> titles = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        return Reuters21578.read(Path.of(System.getProperty("newsroom.project.root", ".."), "data", "reuters21578")).stream()
                .filter(s -> s.title().length() > 10 && s.paragraphs().size() >= 2)
                .filter(s -> titles.add(normalised(s.title())) && bodies.add(s.body()))
                .limit(ARTICLES)
                .toList();
    }

    private static void dropAll(List<ReutersStory> stories, Path inbox) {
        try {
            for (ReutersStory story : stories) {
                String text = story.title() + "\n\n" + String.join("\n\n", story.paragraphs()) + "\n";
                Path partial = inbox.resolve("reuters-" + story.newId() + ".txt.part");
                Files.writeString(partial, text, StandardCharsets.UTF_8);
                Files.move(partial, inbox.resolve("reuters-" + story.newId() + ".txt"));
                Thread.sleep(DROP_INTERVAL.toMillis());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long count(FaultStack stack) throws Exception {
        return get(stack.elasticsearchUrl() + "/articles/_count").path("count").asLong();
    }

    private static Set<String> headlines(FaultStack stack) throws Exception {
        JsonNode hits = get(stack.elasticsearchUrl() + "/articles/_search?size=" + (ARTICLES + 100)
                + "&_source=headline").path("hits").path("hits");
        Set<String> headlines = new HashSet<>();
        hits.forEach(hit -> headlines.add(normalised(hit.path("_source").path("headline").asString())));
        assertThat(hits.size()).as("documents").isEqualTo(headlines.size());
        return headlines;
    }

    private static JsonNode get(String url) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }
    }

    private static String normalised(String headline) {
        return headline.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static void say(String line) {
        System.out.println("[faults] " + line);
    }
}
