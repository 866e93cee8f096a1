package org.newsroom.ingest.intake.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.SourceKind;
import org.newsroom.ingest.IngestProperties.FeedSource;
import org.newsroom.ingest.intake.ArticleIntake;
import org.newsroom.ingest.intake.SmallDisk;
import org.newsroom.ingest.intake.StorageHealth;
import org.newsroom.ingest.metrics.IntakeMetrics;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.newsroom.outbound.GuardedHttp;
import org.newsroom.outbound.OutboundSettings;
import org.springframework.boot.health.contributor.Status;

/**
 * Polls real feeds from samples/formats/feeds served by a JDK HTTP server that honours ETags. The server is on
 * 127.0.0.1, which the outbound guard refuses unless allowed, so the pollers here allow it.
 */
class FeedPollerTests {

    private static final Path FEEDS = Path.of("..", "samples", "formats", "feeds");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-05-06T12:00:00Z");

    @TempDir
    Path stateDir;

    private HttpServer server;
    private final AtomicReference<byte[]> served = new AtomicReference<>();
    private final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> conditions = new CopyOnWriteArrayList<>();
    private final List<ArticleReceived> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicBoolean kafkaDown = new AtomicBoolean();
    private FeedSource guardian;
    private final StorageHealth storage = new StorageHealth(new SimpleMeterRegistry());
    private final GuardedHttp http = guarded(List.of("127.0.0.1/32"));

    @BeforeEach
    void serveTheGuardianFeed() throws IOException {
        served.set(Files.readAllBytes(FEEDS.resolve("rssparser_guardian.rss")));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/world/rss", exchange -> {
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditions.add(condition == null ? "none" : condition);
            if (status.get() != 200) {
                exchange.sendResponseHeaders(status.get(), -1);
            } else if (etag.get().equals(condition)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().add("ETag", etag.get());
                exchange.sendResponseHeaders(200, served.get().length);
                exchange.getResponseBody().write(served.get());
            }
            exchange.close();
        });
        server.start();
        guardian = new FeedSource("guardian-world", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/world/rss"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        http.close();
    }

    @Test
    void firstPollPublishesEveryItemAndRemembersTheEtag() throws IOException {
        int published = poller().pollIfDue(guardian, T0);

        assertThat(published).isGreaterThan(10).isEqualTo(acknowledged.size());
        assertThat(acknowledged).allSatisfy(article -> {
            assertThat(article.source().kind()).isEqualTo(SourceKind.feed);
            assertThat(article.source().name()).isEqualTo("guardian-world");
        });
        assertThat(conditions).containsExactly("none");
        assertThat(stateDir.resolve("guardian-world.json")).content().contains("\"etag\":\"\\\"v1\\\"\"");
    }

    @Test
    void unchangedFeedCostsAConditionalGetAndPublishesNothingEvenAfterARestart() throws IOException {
        poller().pollIfDue(guardian, T0);
        int first = acknowledged.size();

        assertThat(poller().pollIfDue(guardian, T0.plus(INTERVAL))).isZero();

        assertThat(conditions).containsExactly("none", "\"v1\"");
        assertThat(acknowledged).hasSize(first);
    }

    @Test
    void notDueBeforeItsIntervalHasPassed() throws IOException {
        FeedPoller poller = poller();
        poller.pollIfDue(guardian, T0);

        poller.pollIfDue(guardian, T0.plus(INTERVAL).minusSeconds(1));

        assertThat(conditions).hasSize(1);
    }

    @Test
    void changedFeedPublishesOnlyItsNewItems() throws IOException {
        FeedPoller poller = poller();
        poller.pollIfDue(guardian, T0);
        int first = acknowledged.size();
        String feed = new String(served.get(), StandardCharsets.UTF_8);
        served.set(feed.replaceFirst("<item>", """
                <item><title>Harbour reopens after storm</title><link>https://www.theguardian.com/world/harbour-reopens</link>
                <guid>https://www.theguardian.com/world/harbour-reopens</guid>
                <description>The harbour reopened on Tuesday after a week of repairs.</description></item>
                <item>""").getBytes(StandardCharsets.UTF_8));
        etag.set("\"v2\"");

        assertThat(poller.pollIfDue(guardian, T0.plus(INTERVAL))).isEqualTo(1);

        assertThat(acknowledged).hasSize(first + 1);
        assertThat(acknowledged.getLast().headline()).isEqualTo("Harbour reopens after storm");
    }

    @Test
    void keepsItsPositionWhileKafkaIsDownAndBacksOff() throws IOException {
        FeedPoller poller = poller();
        kafkaDown.set(true);

        poller.pollIfDue(guardian, T0);

        FeedState failed = new FeedStates(stateDir, storage).load("guardian-world");
        assertThat(failed.etag()).isNull();
        assertThat(failed.seen()).isEmpty();
        assertThat(failed.failures()).isEqualTo(1);
        assertThat(failed.nextPollAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(failed.lastError()).contains("broker unreachable");

        kafkaDown.set(false);
        assertThat(poller.pollIfDue(guardian, T0.plus(INTERVAL.multipliedBy(2)))).isGreaterThan(10);
        assertThat(conditions).containsExactly("none", "none");
    }

    @Test
    void doublesTheWaitAfterEachServerErrorUpToTheMaximum() throws IOException {
        FeedPoller poller = poller();
        status.set(503);
        Instant now = T0;
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            poller.pollIfDue(guardian, now);
            Instant next = new FeedStates(stateDir, storage).load("guardian-world").nextPollAt();
            waits.add(Duration.between(now, next));
            now = next;
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(40),
                Duration.ofHours(1), Duration.ofHours(1));
        assertThat(new FeedStates(stateDir, storage).load("guardian-world").lastError()).isEqualTo("HTTP 503 from " + guardian.url());
    }

    @Test
    void aBrokenFeedIsRetriedLaterWithoutPublishing() throws IOException {
        served.set("<rss><channel><item><title>cut off".getBytes(StandardCharsets.UTF_8));

        poller().pollIfDue(guardian, T0);

        assertThat(acknowledged).isEmpty();
        assertThat(new FeedStates(stateDir, storage).load("guardian-world").failures()).isEqualTo(1);
    }

    @Test
    void keepsItsPositionInMemoryWhenItsStateCannotBeWrittenAndSavesItOnceThereIsRoom() throws IOException {
        try (SmallDisk disk = new SmallDisk()) {
            Path fullStateDir = disk.path("/state");
            FeedPoller poller = poller(fullStateDir);
            disk.fill();

            int first = poller.pollIfDue(guardian, T0);
            int second = poller.pollIfDue(guardian, T0.plus(INTERVAL));

            assertThat(first).isGreaterThan(10);
            assertThat(second).as("nothing published twice while the state cannot be written").isZero();
            assertThat(acknowledged).hasSize(first);
            assertThat(conditions).containsExactly("none", "\"v1\"");
            assertThat(storage.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(storage.health().getDetails()).containsKey("feed-state");
            try (var files = Files.list(fullStateDir)) {
                assertThat(files).as("no half-written state or temporary file left").isEmpty();
            }

            disk.free();
            poller.pollIfDue(guardian, T0.plus(INTERVAL.multipliedBy(2)));

            assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
            assertThat(new FeedStates(fullStateDir, storage).load("guardian-world").etag()).isEqualTo("\"v1\"");
        }
    }

    @Test
    void refusesAFeedOnAnInternalAddressUnlessAllowedAndTriesAgainLater() throws IOException {
        try (GuardedHttp strict = guarded(List.of())) {
            assertThat(poller(stateDir, strict).pollIfDue(guardian, T0)).isZero();
        }

        FeedState refused = new FeedStates(stateDir, storage).load("guardian-world");
        assertThat(refused.lastError()).isEqualTo("feed address 127.0.0.1 is internal (loopback); allow it with ingest.feeds.allow");
        assertThat(refused.failures()).isEqualTo(1);
        assertThat(refused.nextPollAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(conditions).as("no request reached the server").isEmpty();
    }

    private FeedPoller poller() {
        return poller(stateDir);
    }

    private FeedPoller poller(Path stateDir) {
        return poller(stateDir, http);
    }

    private FeedPoller poller(Path stateDir, GuardedHttp http) {
        ArticleIntake intake = new ArticleIntake(articles -> {
            if (kafkaDown.get()) {
                throw new PublishFailedException("Kafka did not acknowledge: broker unreachable", null);
            }
            acknowledged.addAll(articles);
        }, new IntakeMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        return new FeedPoller(intake, stateDir, INTERVAL, Duration.ofHours(1), http, 5_000_000, 1_000, storage);
    }

    private static GuardedHttp guarded(List<String> allow) {
        return new GuardedHttp(new OutboundSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20),
                5_000_000, 5, allow));
    }
}
