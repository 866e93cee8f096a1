package org.newsroom.ingest.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.publishing.RawTopic;
import org.newsroom.ingest.publishing.RawTopic.Received;
import org.newsroom.localstack.LocalEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service polls a configured feed on its schedule and publishes its items to the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FeedScheduleIT {

    @TempDir
    static Path work;

    private static HttpServer server;

    @DynamicPropertySource
    static void aServedFeedAndTheRealBroker(DynamicPropertyRegistry registry) throws IOException {
        byte[] feed = Files.readAllBytes(Path.of("..", "samples", "formats", "feeds", "rssparser_guardian.rss"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/world/rss", exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"it-1\"");
            boolean unchanged = "\"it-1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            exchange.sendResponseHeaders(unchanged ? 304 : 200, unchanged ? -1 : feed.length);
            if (!unchanged) {
                exchange.getResponseBody().write(feed);
            }
            exchange.close();
        });
        server.start();
        registry.add("spring.kafka.bootstrap-servers", LocalEngines::kafkaBootstrapServers);
        registry.add("ingest.inbox", () -> work.resolve("inbox").toString());
        registry.add("ingest.done", () -> work.resolve("done").toString());
        registry.add("ingest.failed", () -> work.resolve("failed").toString());
        registry.add("ingest.feeds.state-dir", () -> work.resolve("feeds").toString());
        registry.add("ingest.feeds.check-interval", () -> "200ms");
        registry.add("ingest.feeds.sources[0].name", () -> "feed-it");
        registry.add("ingest.feeds.sources[0].url", () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/world/rss");
        // The outbound guard refuses loopback addresses unless allowed.
        registry.add("ingest.feeds.allow[0]", () -> "127.0.0.1/32");
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void publishesTheItemsOfAConfiguredFeedAndSavesItsPosition() {
        List<Received> received = RawTopic.awaitRecords(LocalEngines.kafkaBootstrapServers(),
                record -> record.article().source().name().equals("feed-it"), 10);

        assertThat(received).allSatisfy(record -> {
            assertThat(record.article().source().kind()).isEqualTo(SourceKind.feed);
            assertThat(record.key()).isEqualTo(record.article().articleId());
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(work.resolve("feeds/feed-it.json")).content().contains("it-1"));
    }
}
