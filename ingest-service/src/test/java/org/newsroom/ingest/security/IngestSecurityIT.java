package org.newsroom.ingest.security;

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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.ingest.publishing.RawTopic;
import org.newsroom.ingest.publishing.RawTopic.Received;
import org.newsroom.localstack.LocalEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The security issue's cases for ingest-service, tried with real files and requests on the real Kafka broker: a
 * 1.5 MB article (once never taken, holding up every file after it), one over the article limit, a Reuters story
 * opening with a company name in angle brackets, pushes without a key or for another source, and what health shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestSecurityIT {

    private static final String SOURCE = "security-it";
    private static final String LOCAL_KEY = "security-it-local-key-0123456789";
    private static final String DESK_KEY = "security-it-desk-key-0123456789";

    @TempDir
    static Path feed;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void realBrokerAndKeys(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", LocalEngines::kafkaBootstrapServers);
        registry.add("ingest.inbox", () -> feed.resolve("inbox").toString());
        registry.add("ingest.done", () -> feed.resolve("done").toString());
        registry.add("ingest.failed", () -> feed.resolve("failed").toString());
        registry.add("ingest.folder-source", () -> SOURCE);
        registry.add("ingest.quiet-period", () -> "200ms");
        registry.add("ingest.scan-interval", () -> "200ms");
        registry.add("newsroom.security.api-key", () -> LOCAL_KEY);
        registry.add("newsroom.security.keys[0].name", () -> "desk");
        registry.add("newsroom.security.keys[0].key", () -> DESK_KEY);
        registry.add("newsroom.security.keys[0].roles", () -> "ingest");
        registry.add("newsroom.security.keys[0].sources", () -> "desk");
    }

    @Test
    void aLargeArticleIsTakenInAndOneOverTheLimitGoesToFailedWithoutHoldingUpTheFilesAfterIt() throws Exception {
        drop("a-long-read.txt", article("Long read", 1_500_000));
        drop("b-data-dump.txt", article("Data dump", 2_500_000));
        drop("c-potash.txt", """
                <POTASH CO OF AMERICA INC> NINE MTHS LOSS

                Shr loss 1.05 dlrs vs loss 2.63 dlrs. Net loss 4,573,000 vs loss 11,408,000.
                """);
        drop("d-after.txt", "Port reopens\n\nThe port reopened on Tuesday after a week of repairs.");

        List<Received> received = RawTopic.awaitRecords(LocalEngines.kafkaBootstrapServers(),
                record -> record.article().source().name().equals(SOURCE), 3);

        assertThat(received).extracting(record -> record.article().headline()).hasSize(3)
                .contains("Long read", "Port reopens").anySatisfy(headline -> assertThat(headline).contains("POTASH CO OF AMERICA INC"));
        assertThat(received).filteredOn(record -> record.article().headline().equals("Long read")).singleElement()
                .satisfies(record -> assertThat(record.article().body().length()).isGreaterThan(1_400_000));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(feed.resolve("done/a-long-read.txt")).exists();
            assertThat(feed.resolve("done/c-potash.txt")).exists();
            assertThat(feed.resolve("done/d-after.txt")).exists();
            assertThat(feed.resolve("failed/b-data-dump.txt")).exists();
            assertThat(feed.resolve("failed/b-data-dump.txt.error")).content().contains("ingest.max-article-size");
        });
    }

    @Test
    void pushingNeedsAKeyAndOnlyTheSourcesThePrincipalMayWrite() throws Exception {
        String ownSource = "{\"headline\": \"Desk story\", \"body\": \"Written at the desk.\", \"guid\": \"desk:1\", \"source\": \"desk\"}";
        String otherSource = "{\"guid\": \"reuters:1\", \"version\": 2147483647, \"pubStatus\": \"canceled\", \"source\": \"reuters\"}";

        assertThat(push(ownSource, null).statusCode()).isEqualTo(401);
        assertThat(push(ownSource, "not-a-key-but-long-enough").statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = push(otherSource, DESK_KEY);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("desk may not write articles of source(s) reuters");
        assertThat(push(ownSource, DESK_KEY).statusCode()).isEqualTo(202);
        assertThat(push(otherSource, LOCAL_KEY).statusCode()).as("the local key may write any source").isEqualTo(202);
    }

    @Test
    void anArticleOverTheLimitIsRefusedWithContentTooLargeNamingTheLimit() throws Exception {
        String body = "{\"headline\": \"Dump\", \"body\": \"" + "word ".repeat(500_000) + "\", \"source\": \"desk\"}";

        HttpResponse<String> response = push(body, DESK_KEY);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("ingest.max-article-size");
    }

    @Test
    void healthShowsItsDetailsOnlyToAnAdmin() throws Exception {
        String anonymous = get("/actuator/health", null).body();
        String admin = get("/actuator/health", LOCAL_KEY).body();

        assertThat(anonymous).contains("\"status\"").doesNotContain("components");
        assertThat(admin).contains("components");
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", DESK_KEY).statusCode()).isEqualTo(403);
    }

    /** A plain-text article of about {@code size} bytes: a headline and paragraphs of varied words. */
    private static String article(String headline, int size) {
        StringBuilder text = new StringBuilder(headline).append("\n\n");
        String[] words = {"harbour", "minister", "talks", "shipping", "tariff", "council", "vote", "weather", "market", "energy"};
        int n = 0;
        while (text.length() < size) {
            for (int sentence = 0; sentence < 5; sentence++) {
                for (int word = 0; word < 12; word++) {
                    text.append(words[(n++ * 7 + word) % words.length]).append(word == 11 ? ". " : " ");
                }
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    /** Written beside the inbox and renamed into it, as a careful tool does, so it is never read half-written. */
    private static void drop(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(feed.resolve("inbox"));
        Path partial = Files.writeString(inbox.resolve(name + ".part"), content, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private HttpResponse<String> push(String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
