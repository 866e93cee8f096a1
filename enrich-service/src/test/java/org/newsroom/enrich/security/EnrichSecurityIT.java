package org.newsroom.enrich.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichApplication;
import org.newsroom.enrich.KafkaRecords;
import org.newsroom.enrich.SeedArticles;
import org.newsroom.localstack.LocalEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security issue's cases for enrich-service, on the real broker with the whole service running: a record that
 * cannot be read goes to {@code articles.raw.v1.DLT} with its cause and the next article is enriched (one bad input
 * never stops the stage), and the actuator shows health details and metrics only to a principal allowed to see them.
 */
@SpringBootTest(classes = EnrichApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EnrichSecurityIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String KEY = "enrich-security-it-key-0123456789";

    @TempDir
    static Path state;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", LocalEngines::kafkaBootstrapServers);
        registry.add("spring.kafka.streams.application-id", () -> "enrich-security-it-" + RUN);
        registry.add("spring.kafka.streams.state-dir", () -> state.resolve("streams").toString());
        registry.add("spring.application.name", () -> "enrich-security-it-" + RUN);
        registry.add("enrich.tagging.rules-file", () -> state.resolve("rules.yaml").toString());
        registry.add("newsroom.security.api-key", () -> KEY);
    }

    @Test
    void anUnreadableRawRecordIsDeadLetteredWithItsCauseAndTheNextArticleIsEnriched() throws Exception {
        String poisonKey = "poison-" + RUN;
        ArticleReceived next = SeedArticles.article("after-poison-" + RUN, "Port reopens",
                List.of("The port reopened on Tuesday after a week of repairs, the harbour master said."), null);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 0, poisonKey, "{\"articleId\": not json")).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 0, next.articleId(), json.writeValueAsString(next))).get();
        }

        ConsumerRecord<byte[], byte[]> dead = awaitRecord(Topics.ARTICLES_RAW_DLT, poisonKey);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"articleId\": not json");
        assertThat(KafkaRecords.header(dead.headers(), "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(KafkaRecords.header(dead.headers(), "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES_RAW);
        ConsumerRecord<byte[], byte[]> enriched = awaitRecord(Topics.ARTICLES_ENRICHED, next.articleId());
        assertThat(new String(enriched.value(), StandardCharsets.UTF_8)).contains("Port reopens");
    }

    @Test
    void healthDetailsAndMetricsAreShownOnlyToAPrincipalAllowedToSeeThem() throws Exception {
        String anonymous = get("/actuator/health", null).body();
        String admin = get("/actuator/health", KEY).body();

        assertThat(anonymous).contains("\"status\"").doesNotContain("components");
        assertThat(admin).contains("components");
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "not-the-key-0123456789abcdef").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", KEY).statusCode()).isEqualTo(200);
    }

    private static ConsumerRecord<byte[], byte[]> awaitRecord(String topic, String key) {
        return KafkaRecords.awaitCommitted(LocalEngines.kafkaBootstrapServers(), topic, Set.of(key), Duration.ofSeconds(90))
                .get(key);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
