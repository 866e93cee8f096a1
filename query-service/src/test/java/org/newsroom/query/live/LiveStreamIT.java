package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.web.ArticlesTopic;
import org.newsroom.query.web.RunningQueryService;
import org.newsroom.query.web.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

@RunningQueryService
class LiveStreamIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    LiveStreams streams;

    private final ArticlesTopic topic;

    @Autowired
    LiveStreamIT(KafkaTemplate<Object, Object> kafka, ElasticsearchClient elasticsearch, ArticleIndex index) {
        this.topic = new ArticlesTopic(kafka, elasticsearch, index);
    }

    @Test
    void streamsOnlyTheNewlyIndexedArticlesThatMatchTheFilters() throws Exception {
        ArticleEnriched unrelated = TestArticles.footballReport("live-it-football");
        ArticleEnriched matching = TestArticles.venezuelaStory("live-it-venezuela");
        try (SseClient stream = new SseClient(uri("/api/stream?q=venezuela%20tension&tag=politics"))) {
            assertThat(stream.status()).isEqualTo(200);
            stream.await("ready", PIPELINE);

            // One listener thread indexes batches in order: once the match arrives, the earlier article was offered.
            topic.publishAndAwaitIndexed(unrelated);
            topic.publish(matching);
            SseClient.Event event = stream.await("article", PIPELINE);

            assertThat(event.id()).isEqualTo("live-it-venezuela");
            assertThat(event.data()).contains("\"headline\":\"Pompeo-Lavrov meeting comes as Venezuela tension grows\"",
                    "\"agency\":\"AP\"");
            assertThat(stream.received()).extracting(SseClient.Event::name).containsExactly("ready", "article");
        }
    }

    @Test
    void forgetsAStreamOnceItsClientHasGone() throws Exception {
        int before = streams.openStreams();
        try (SseClient stream = new SseClient(uri("/api/stream?source=nobody"))) {
            stream.await("ready", PIPELINE);
            assertThat(streams.openStreams()).isEqualTo(before + 1);
        }
        // the next heartbeat fails to write and ends the stream
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.openStreams() == before);
    }

    @Test
    void answersAnOverlongQueryWithAProblemDetail() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/stream?q=" + "x".repeat(1001)))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("q is longer than 1000 characters");
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
