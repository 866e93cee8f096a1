package org.newsroom.enrich.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichApplication;
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

        ConsumerRecord<String, String> dead = awaitRecord(Topics.ARTICLES_RAW_DLT, poisonKey);
        assertThat(dead.value()).isEqualTo("{\"articleId\": not json");
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLES_RAW);
        ConsumerRecord<String, String> enriched = awaitRecord(Topics.ARTICLES_ENRICHED, next.articleId());
        assertThat(enriched.value()).contains("Port reopens");
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

    private ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "enrich-security-it-" + RUN + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            java.util.concurrent.atomic.AtomicReference<ConsumerRecord<String, String>> found = new java.util.concurrent.atomic.AtomicReference<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
            return found.get();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
