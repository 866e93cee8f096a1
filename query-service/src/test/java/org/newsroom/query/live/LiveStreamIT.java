package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.web.ArticlesTopic;
import org.newsroom.query.web.RunningQueryService;
import org.newsroom.query.web.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@RunningQueryService
class LiveStreamIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    LiveStreams streams;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

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
        // Its group is new at every start and starts at the end of the topic: an offset committed there is never read.
        // The group is the running container's (a random placeholder resolves anew each time it is read), and it must
        // be known to the broker, so that an empty answer means no offsets rather than no such group.
        String liveGroup = listeners.getListenerContainer("live-streams").getGroupId();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            assertThat(admin.describeConsumerGroups(List.of(liveGroup)).all().get().get(liveGroup).members())
                    .isNotEmpty();
            assertThat(admin.listConsumerGroupOffsets(liveGroup).partitionsToOffsetAndMetadata().get()).isEmpty();
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

    /**
     * Some 12 MB of events, offered at the {@code LiveStreams.offer} seam (through Kafka and Elasticsearch they
     * would take minutes), to a real Tomcat: the silent client's socket fills, its write blocks, its queue overflows.
     */
    @Test
    void aClientThatNeverReadsIsDroppedWhileIndexingAndOtherStreamsCarryOn() throws Exception {
        int before = streams.openStreams();
        double droppedBefore = droppedForOverflow();
        try (Socket neverReading = openWithoutReading("/api/stream?source=live-it-flood");
             SseClient reading = new SseClient(uri("/api/stream?source=live-it-flood"))) {
            reading.await("ready", PIPELINE);

            for (int batch = 0; batch < 30; batch++) {
                List<ArticleEnriched> articles = floodOfLongArticles(batch, 40);
                assertTimeoutPreemptively(Duration.ofSeconds(2), () -> streams.offer(articles));
                for (ArticleEnriched article : articles) {
                    assertThat(reading.await("article", Duration.ofSeconds(20)).id()).isEqualTo(article.articleId());
                }
            }

            assertThat(droppedForOverflow()).isEqualTo(droppedBefore + 1);
        }
        // its blocked write fails once the socket is gone, and the stream gives back its slot
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.openStreams() <= before);
    }

    private Socket openWithoutReading(String pathAndQuery) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static List<ArticleEnriched> floodOfLongArticles(int batch, int size) {
        return IntStream.range(0, size).mapToObj(i -> TestArticles.original("live-it-flood-" + batch + "-" + i,
                "live-it-flood", null, Instant.parse("2019-05-03T12:00:00Z"), List.of(),
                "Flood " + batch + "-" + i + " " + "x".repeat(10_000), "Body.")).toList();
    }

    private double droppedForOverflow() {
        return meters.get(LiveStreams.DROPPED).tag("reason", "overflow").counter().count();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
