package org.newsroom.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.localstack.LocalEngines;
import org.newsroom.query.indexing.ArticleIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security issue's cases, tried with real requests against query-service on the real Kafka broker and
 * Elasticsearch node: who may write, whose saved searches are whose, the webhook that aimed at Elasticsearch
 * itself, a {@code javascript:} URL, oversized bodies and what the actuator shows to whom.
 */
@RunningQueryService
class QuerySecurityIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ArticlesTopic topic;
    private final ElasticsearchClient elasticsearch;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    QuerySecurityIT(KafkaTemplate<Object, Object> kafka, ElasticsearchClient elasticsearch, ArticleIndex index) {
        this.topic = new ArticlesTopic(kafka, elasticsearch, index);
        this.elasticsearch = elasticsearch;
    }

    @Test
    void savingASearchNeedsAPrincipalWithTheAlertsRole() throws Exception {
        String body = "{\"name\": \"Venezuela desk\", \"query\": \"venezuela\"}";

        assertThat(postAlert(body, null).statusCode()).isEqualTo(401);
        assertThat(postAlert(body, "wrong-key-0123456789abcdef").statusCode()).isEqualTo(401);
        HttpResponse<String> reader = postAlert(body, RunningQueryService.READER_KEY);
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send(get("/api/alerts")).statusCode()).isEqualTo(401);
        assertThat(postAlert(body, RunningQueryService.OTHER_DESK_KEY).statusCode()).isEqualTo(201);
    }

    @Test
    void aPrincipalSeesAndDeletesOnlyItsOwnSavedSearches() throws Exception {
        String mine = json.readTree(postAlert("{\"name\": \"Mine\", \"query\": \"sanctions\"}", RunningQueryService.OTHER_DESK_KEY)
                .body()).path("id").asString();

        assertThat(send(get("/api/alerts/" + mine).header("X-Api-Key", RunningQueryService.OTHER_DESK_KEY)).statusCode()).isEqualTo(200);
        assertThat(send(get("/api/alerts").header("X-Api-Key", RunningQueryService.OTHER_DESK_KEY)).body()).contains(mine);
        // The local principal is an admin and sees it; a second alerts principal would not (owner check below).
        assertThat(send(get("/api/alerts").header("X-Api-Key", RunningQueryService.API_KEY)).body()).contains(mine);

        String theirs = json.readTree(postAlert("{\"name\": \"Theirs\", \"query\": \"tariffs\"}", RunningQueryService.API_KEY)
                .body()).path("id").asString();
        assertThat(send(get("/api/alerts").header("X-Api-Key", RunningQueryService.OTHER_DESK_KEY)).body()).doesNotContain(theirs);
        assertThat(send(get("/api/alerts/" + theirs).header("X-Api-Key", RunningQueryService.OTHER_DESK_KEY)).statusCode()).isEqualTo(404);
        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/api/alerts/" + theirs)).DELETE()
                .header("X-Api-Key", RunningQueryService.OTHER_DESK_KEY));
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(send(get("/api/alerts/" + theirs).header("X-Api-Key", RunningQueryService.API_KEY)).statusCode()).isEqualTo(200);
    }

    @Test
    void aWebhookAimedAtElasticsearchItselfIsRefusedAndNothingReachesIt() throws Exception {
        String probe = LocalEngines.elasticsearchUrl().replace("localhost", "127.0.0.1") + "/ssrf-probe/_doc";
        String[] internal = {probe, "http://localhost:9200/ssrf-probe/_doc", "http://[::1]:9200/x", "http://169.254.169.254/latest/",
                "http://10.0.0.7/hook", "http://2130706433/hook", "http://0.0.0.0:9200/x"};

        for (String webhook : internal) {
            HttpResponse<String> refused = postAlert("{\"name\": \"probe\", \"query\": \"venezuela\", \"webhook\": \"" + webhook + "\"}",
                    RunningQueryService.API_KEY);
            assertThat(refused.statusCode()).as(webhook).isEqualTo(400);
            assertThat(json.readTree(refused.body()).path("detail").asString()).as(webhook).contains("internal");
        }
        topic.publishAndAwaitIndexed(TestArticles.venezuelaStory("ssrf-" + System.nanoTime()));

        assertThat(elasticsearch.indices().exists(e -> e.index("ssrf-probe")).value()).isFalse();
    }

    @Test
    void anArticleUrlThatIsNotHttpNeverComesBackAsALink() throws Exception {
        ArticleEnriched story = TestArticles.venezuelaStory("js-url-" + System.nanoTime());
        ArticleEnriched withScript = ArticleBuilder.from(story).url("javascript:alert(document.cookie)").build();
        topic.publishAndAwaitIndexed(withScript);

        JsonNode article = json.readTree(send(get("/api/articles/" + withScript.articleId())).body());
        assertThat(article.path("articleId").asString()).as(article.toString()).isEqualTo(withScript.articleId());
        assertThat(article.path("url").isNull() || article.path("url").isMissingNode()).as(article.toString()).isTrue();
        Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            String hits = send(get("/api/search?q=Rovaniemi&duplicates=include&size=100")).body();
            assertThat(hits).contains(withScript.articleId()).doesNotContain("javascript:");
        });
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(200_000) + "\", \"query\": \"venezuela\"}";

        HttpResponse<String> response = postAlert(huge, RunningQueryService.API_KEY);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void healthShowsDetailsAndMetricsOnlyToAPrincipalAllowedToSeeThem() throws Exception {
        JsonNode open = json.readTree(send(get("/actuator/health")).body());
        JsonNode admin = json.readTree(send(get("/actuator/health").header("X-Api-Key", RunningQueryService.API_KEY)).body());

        assertThat(open.path("status").asString()).isNotBlank();
        assertThat(open.has("components")).as(open.toString()).isFalse();
        assertThat(admin.path("components").has("elasticsearch")).as(admin.toString()).isTrue();
        assertThat(send(get("/actuator/prometheus")).statusCode()).isEqualTo(401);
        assertThat(send(get("/actuator/prometheus").header("X-Api-Key", RunningQueryService.READER_KEY)).statusCode()).isEqualTo(403);
        assertThat(send(get("/actuator/prometheus").header("Authorization", "ApiKey " + RunningQueryService.API_KEY)).statusCode())
                .isEqualTo(200);
        assertThat(send(get("/actuator/env").header("X-Api-Key", RunningQueryService.READER_KEY)).statusCode()).isIn(403, 404);
    }

    @Test
    void readsStayOpenByDefault() throws Exception {
        assertThat(send(get("/api/search?q=venezuela")).statusCode()).isEqualTo(200);
        assertThat(send(get("/")).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> postAlert(String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/alerts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return send(request);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
