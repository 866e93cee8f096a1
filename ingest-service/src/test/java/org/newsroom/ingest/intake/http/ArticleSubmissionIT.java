package org.newsroom.ingest.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.ingest.identity.ArticleIds;
import org.newsroom.ingest.publishing.RawTopic;
import org.newsroom.ingest.publishing.RawTopic.Received;
import org.newsroom.localstack.LocalEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleSubmissionIT {

    @TempDir
    static Path feed;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", LocalEngines::kafkaBootstrapServers);
        registry.add("newsroom.security.api-key", () -> "it-key-0123456789abcdef");
        registry.add("ingest.inbox", () -> feed.resolve("inbox").toString());
        registry.add("ingest.done", () -> feed.resolve("done").toString());
        registry.add("ingest.failed", () -> feed.resolve("failed").toString());
    }

    @Test
    void answersWithTheIdsOnceTheArticlesAreOnTheRawTopicAndCountsThem() throws Exception {
        String batch = """
                [{"headline": "Dock strike ends", "body": "Workers returned on Monday.", "guid": "urn:it:dock", "source": "it-wire"},
                 {"headline": "Rates unchanged", "paragraphs": ["The bank held rates.", "Markets were calm."],
                  "url": "https://example.com/rates", "source": "it-wire"}]""";
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles"))
                    .header("Content-Type", "application/json").header("X-Api-Key", "it-key-0123456789abcdef")
                    .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String dock = ArticleIds.fromGuid("it-wire", "urn:it:dock");
        String rates = ArticleIds.fromUrl("it-wire", "https://example.com/rates");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"ids\":[\"" + dock + "\",\"" + rates + "\"]}");
        List<Received> received = RawTopic.awaitRecords(LocalEngines.kafkaBootstrapServers(),
                record -> record.article().source().name().equals("it-wire"), 2);
        assertThat(received).extracting(Received::key).containsExactlyInAnyOrder(dock, rates);
        assertThat(received).extracting(record -> record.article().paragraphs().size()).containsExactlyInAnyOrder(1, 2);
        assertThat(prometheus()).contains("ingest_articles_total{application=\"ingest-service\",outcome=\"accepted\",path=\"http\",source=\"it-wire\"} 2.0");
    }

    private String prometheus() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                            .header("X-Api-Key", "it-key-0123456789abcdef").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
