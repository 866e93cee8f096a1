package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.AlertMatched;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Topics;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.web.ArticlesTopic;
import org.newsroom.query.web.RunningQueryService;
import org.newsroom.query.web.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RunningQueryService
class AlertsIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private final ArticlesTopic topic;
    private final HttpClient http = HttpClient.newHttpClient();
    private final KafkaConsumer<String, String> matches = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalEngines.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "alerts-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());

    @Autowired
    AlertsIT(KafkaTemplate<Object, Object> kafka, ElasticsearchClient elasticsearch, ArticleIndex index) {
        this.topic = new ArticlesTopic(kafka, elasticsearch, index);
    }

    @AfterEach
    void close() {
        matches.close();
        http.close();
    }

    @Test
    void aSavedSearchForVenezuelaFiresOnKafkaAndItsWebhookForAMatchingArticleOnly() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver()) {
            HttpResponse<String> created = post("""
                    {"name": "Venezuela watch", "query": "Venezuela", "webhook": "%s"}""".formatted(webhook.uri()));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String alertId = json.readTree(created.body()).path("id").asString();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/alerts/" + alertId);

            // Batches are percolated in order: once the match is announced, the earlier article was checked.
            topic.publishAndAwaitIndexed(TestArticles.footballReport("alerts-it-football"));
            topic.publish(TestArticles.venezuelaStory("alerts-it-venezuela"));

            List<AlertMatched> announced = new ArrayList<>();
            matches.subscribe(List.of(Topics.ALERTS_MATCHED));
            await().atMost(PIPELINE).until(() -> {
                matches.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(alertId)) {
                        announced.add(json.readValue(record.value(), AlertMatched.class));
                    }
                });
                return !announced.isEmpty();
            });
            assertThat(announced).singleElement().satisfies(match -> {
                assertThat(match.articleId()).isEqualTo("alerts-it-venezuela");
                assertThat(match.alertName()).isEqualTo("Venezuela watch");
                assertThat(match.headline()).isEqualTo("Pompeo-Lavrov meeting comes as Venezuela tension grows");
            });

            await().atMost(PIPELINE).until(() -> !webhook.bodies().isEmpty());
            JsonNode delivered = json.readTree(webhook.bodies().getFirst());
            assertThat(delivered.path("articleId").asString()).isEqualTo("alerts-it-venezuela");
            assertThat(delivered.path("eventId").asString()).isEqualTo(announced.getFirst().eventId().toString());
            assertThat(webhook.bodies()).hasSize(1);
            // a CloudEvent in HTTP binary mode: the ce-* headers describe the body
            var headers = webhook.headers().getFirst();
            assertThat(headers.getFirst("ce-specversion")).isEqualTo("1.0");
            assertThat(headers.getFirst("ce-type")).isEqualTo("org.newsroom.alert.matched.v1");
            assertThat(headers.getFirst("ce-id")).isEqualTo(announced.getFirst().eventId().toString());
            assertThat(headers.getFirst("ce-subject")).isEqualTo("alerts-it-venezuela");

            // its Atom feed lists the match (searchable after the next refresh), for its owner only
            await().atMost(PIPELINE).until(() -> get("/api/alerts/" + alertId + "/feed").body()
                    .contains("urn:newsroom:article:alerts-it-venezuela"));
            HttpResponse<String> feed = get("/api/alerts/" + alertId + "/feed");
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/atom+xml"));
            assertThat(feed.body()).doesNotContain("alerts-it-football");
            HttpResponse<String> othersFeed = http.send(HttpRequest.newBuilder(uri("/api/alerts/" + alertId + "/feed"))
                    .header("X-Api-Key", RunningQueryService.OTHER_DESK_KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(othersFeed.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aSavedSearchForWeakExtractionsFiresForTheWebPageWhoseExtractorFellBackOnly() throws Exception {
        HttpResponse<String> created = post("""
                {"name": "Weak pages", "extraction": "openGraph", "extractionConfidenceBelow": 0.5}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String alertId = json.readTree(created.body()).path("id").asString();
        JsonNode stored = json.readTree(get("/api/alerts/" + alertId).body());
        assertThat(stored.path("extraction").asString()).isEqualTo("openGraph");
        assertThat(stored.path("extractionConfidenceBelow").asDouble()).isEqualTo(0.5);

        topic.publishAndAwaitIndexed(TestArticles.fromWebPage(TestArticles.footballReport("alerts-it-clean-page"),
                new Extraction(Extraction.Method.articleBody, 0.9)));
        topic.publish(TestArticles.fromWebPage(TestArticles.venezuelaStory("alerts-it-weak-page"),
                new Extraction(Extraction.Method.openGraph, 0.2)));

        List<String> announced = new ArrayList<>();
        matches.subscribe(List.of(Topics.ALERTS_MATCHED));
        await().atMost(PIPELINE).until(() -> {
            matches.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.key().equals(alertId)) {
                    announced.add(json.readValue(record.value(), AlertMatched.class).articleId());
                }
            });
            return !announced.isEmpty();
        });
        assertThat(announced).containsExactly("alerts-it-weak-page");
    }

    @Test
    void refusesAnUnusableSavedSearchWithAProblemDetailListingEachError() throws Exception {
        HttpResponse<String> response = post("""
                {"query": " ", "webhook": "file:///etc/passwd"}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("title").asString()).isEqualTo("Invalid saved search");
        assertThat(problem.path("errors").values()).extracting(JsonNode::asString).containsExactlyInAnyOrder(
                "name is required",
                "a query or at least one of tag, source, agency, language, extraction, extractionConfidenceBelow is required",
                "webhook must be an absolute http or https URL");
    }

    @Test
    void refusesASavedSearchWhoseWebhookIsAnInternalAddress() throws Exception {
        HttpResponse<String> response = post("""
                {"name": "Metadata", "query": "Venezuela", "webhook": "http://169.254.169.254/latest/meta-data/"}""");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("detail").asString()).isEqualTo(
                "webhook address 169.254.169.254 is internal (link-local); allow it with alerts.webhook-allow");
    }

    @Test
    void listsReadsAndDeletesSavedSearches() throws Exception {
        String id = json.readTree(post("""
                {"name": "AP sport", "tag": "sport", "agency": "AP"}""").body()).path("id").asString();

        assertThat(get("/api/alerts").body()).contains("\"id\":\"" + id + "\"", "\"name\":\"AP sport\"");
        assertThat(get("/api/alerts/" + id).body()).contains("\"tag\":\"sport\"", "\"agency\":\"AP\"");
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(uri("/api/alerts/" + id)).DELETE()
                        .header("X-Api-Key", RunningQueryService.API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = get("/api/alerts/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/alerts")).header("Content-Type", "application/json")
                .header("X-Api-Key", RunningQueryService.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", RunningQueryService.API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
