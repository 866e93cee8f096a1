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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroom.contracts.Topics;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.localstack.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8's "done when", on real engines and the three service jars: one article posted with a known
 * correlation id can be followed through the logs of every service, its Kafka records (CloudEvents headers
 * in binary mode) and its search document; afterwards each service's {@code /actuator/prometheus} shows
 * the metrics the dashboard draws, with counts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String CORRELATION_ID = "observe-it-" + UUID.randomUUID().toString().substring(0, 8);

    private static RunningPipeline pipeline;
    private static String articleId;

    @BeforeAll
    static void postOneArticle() throws IOException {
        pipeline = RunningPipeline.start(LocalEngines.kafkaBootstrapServers(), LocalEngines.elasticsearchUrl(),
                RunningPipeline.freshHome("ObservabilityIT"));
        String article = JSON.writeValueAsString(Map.of(
                "headline", "Observatory in Moscow tracks a comet " + CORRELATION_ID,
                "body", "MOSCOW - Astronomers in Moscow said on Monday a comet would pass close to Earth.\n\n"
                        + "The Russian Academy of Sciences said the comet was first seen in " + CORRELATION_ID + ".",
                "source", "observe-desk", "guid", "urn:observe:" + CORRELATION_ID, "language", "en"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(pipeline.ingest().url() + "/api/articles"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", RunningPipeline.API_KEY)
                .header("X-Correlation-Id", CORRELATION_ID)
                .POST(HttpRequest.BodyPublishers.ofString(article)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        articleId = JSON.readTree(response.body()).path("ids").get(0).asString();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void theSearchDocumentCarriesTheCorrelationId() {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> doc = send(HttpRequest.newBuilder(
                    URI.create(LocalEngines.elasticsearchUrl() + "/articles/_doc/" + articleId)));
            assertThat(doc.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(doc.body()).path("_source").path("correlationId").asString())
                    .isEqualTo(CORRELATION_ID);
        });
    }

    @Test
    @Order(2)
    void everyServiceLogsTheArticleWithItsCorrelationId() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(linesWithCorrelationId("ingest-service")).anySatisfy(l -> assertThat(l).contains(articleId));
            assertThat(linesWithCorrelationId("enrich-service")).anySatisfy(l -> assertThat(l).contains(articleId));
            assertThat(linesWithCorrelationId("query-service")).anySatisfy(l -> assertThat(l).contains(articleId));
        });
    }

    @Test
    @Order(3)
    void theRawAndEnrichedRecordsAreCloudEventsInBinaryModeWithTheCorrelationId() {
        Map<String, String> raw = headersOf(Topics.ARTICLES_RAW);
        assertIsThisArticlesCloudEvent(raw, "org.newsroom.article.received.v1", "/newsroom/ingest-service");

        Map<String, String> enriched = headersOf(Topics.ARTICLES_ENRICHED);
        assertIsThisArticlesCloudEvent(enriched, "org.newsroom.article.enriched.v1", "/newsroom/enrich-service");
        assertThat(enriched.get("ce_id")).isNotEqualTo(raw.get("ce_id"));
    }

    @Test
    @Order(4)
    void eachServiceExportsItsMetricsWithCountsAfterTheRun() throws IOException {
        pipeline.search("comet");
        Map<String, Scrape> scrapes = scrapes();

        assertThat(scrapes.get("ingest-service").sum("ingest_articles_total", "outcome=\"accepted\"")).isPositive();
        assertThat(scrapes.get("enrich-service").sum("enrich_articles_total", "")).isPositive();
        assertThat(scrapes.get("enrich-service").sum("enrich_tags_total", "")).isPositive();
        assertThat(scrapes.get("enrich-service").sum("kafka_stream_thread_process_total", "")).isPositive();
        assertThat(scrapes.get("enrich-service").names()).contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(scrapes.get("query-service").sum("query_articles_total", "outcome=\"indexed\"")).isPositive();
        assertThat(scrapes.get("query-service").sum("query_bulk_seconds_count", "")).isPositive();
        assertThat(scrapes.get("query-service").names()).contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(scrapes.get("query-service").sum("http_server_requests_seconds_count", "uri=\"/api/search\""))
                .isPositive();
    }

    @Test
    @Order(5)
    void theDashboardQueriesOnlyMetricsTheServicesExport() throws IOException {
        Map<String, Scrape> scrapes = scrapes();
        List<String> exported = scrapes.values().stream().flatMap(s -> s.names().stream()).distinct().toList();

        assertThat(GrafanaDashboard.read(GrafanaDashboard.FILE).metricNames()).isNotEmpty().allSatisfy(name ->
                assertThat(exported).as("exported by some service").contains(name));
    }

    private static void assertIsThisArticlesCloudEvent(Map<String, String> headers, String type, String source) {
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", type)
                .containsEntry("ce_source", source)
                .containsEntry("ce_subject", articleId)
                .containsEntry("ce_correlationid", CORRELATION_ID)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
    }

    private static List<String> linesWithCorrelationId(String module) throws IOException {
        return pipeline.log(module).lines().filter(line -> line.contains(CORRELATION_ID)).toList();
    }

    /** The headers of this article's first record on {@code topic}, as text. */
    private static Map<String, String> headersOf(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "observability-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Map<String, String> headers = new HashMap<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (articleId.equals(record.key()) && headers.isEmpty()) {
                        for (Header header : record.headers()) {
                            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                        }
                    }
                }
                return !headers.isEmpty();
            });
            return headers;
        }
    }

    /** Each service's scrape, also kept under target/ObservabilityIT/scrapes for reading. */
    private static Map<String, Scrape> scrapes() throws IOException {
        Map<String, Scrape> scrapes = new HashMap<>();
        Path kept = Files.createDirectories(Path.of("target", "ObservabilityIT", "scrapes"));
        for (var service : Map.of("ingest-service", pipeline.ingest(), "enrich-service", pipeline.enrich(),
                "query-service", pipeline.query()).entrySet()) {
            String text = scrape(service.getValue());
            Files.writeString(kept.resolve(service.getKey() + ".txt"), text);
            scrapes.put(service.getKey(), Scrape.parse(text));
        }
        return scrapes;
    }

    private static String scrape(ServiceProcess service) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(service.url() + "/actuator/prometheus"))
                .header("X-Api-Key", RunningPipeline.API_KEY));
        assertThat(response.statusCode()).as(service.url()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Prometheus text exposition: sample lines {@code name{labels} value}. */
    record Scrape(List<String> samples) {

        static Scrape parse(String text) {
            return new Scrape(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
        }

        List<String> names() {
            return samples.stream().map(Scrape::nameOf).distinct().toList();
        }

        /** The sum of the samples of {@code name} whose labels contain {@code label} (e.g. {@code outcome="x"}). */
        double sum(String name, String label) {
            return samples.stream().filter(s -> nameOf(s).equals(name) && s.contains(label))
                    .mapToDouble(s -> valueOf(s).orElse(0.0)).sum();
        }

        private static String nameOf(String sample) {
            int end = 0;
            while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
                end++;
            }
            return sample.substring(0, end);
        }

        /** The first token after the labels (a timestamp may follow it). */
        private static Optional<Double> valueOf(String sample) {
            String rest = sample.contains("}") ? sample.substring(sample.lastIndexOf('}') + 1)
                    : sample.substring(nameOf(sample).length());
            try {
                return Optional.of(Double.parseDouble(rest.trim().split("\\s+")[0]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
