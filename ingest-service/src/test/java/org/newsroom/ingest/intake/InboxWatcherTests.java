package org.newsroom.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.metrics.IntakeMetrics;
import org.newsroom.ingest.publishing.PublishFailedException;
import org.springframework.util.unit.DataSize;

class InboxWatcherTests {

    static final String FEED_WITH_ONE_BROKEN_ITEM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.com/</link><description>Wire</description>
            <item><title>Port reopens</title><link>https://wire.example.com/port</link><guid>wire-1</guid>
              <description>The port reopened on Tuesday after a week of repairs.</description></item>
            <item><guid>wire-2</guid></item>
            </channel></rss>
            """;

    @TempDir
    Path root;

    private final List<ArticleReceived> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicBoolean kafkaDown = new AtomicBoolean();
    /** Kafka refuses (for good, as for a record over its size limit) any article whose headline says so. */
    private static final String REFUSED_BY_KAFKA = "REFUSED BY KAFKA";

    @Test
    void keepsFilesInTheInboxWhileKafkaIsDown() throws IOException {
        InboxWatcher watcher = watcher();
        Path story = drop("story.txt", "Port reopens\n\nThe port reopened on Tuesday.");
        kafkaDown.set(true);

        watcher.scan();

        assertThat(story).exists();
        assertThat(root.resolve("done/story.txt")).doesNotExist();
        assertThat(root.resolve("failed/story.txt")).doesNotExist();

        kafkaDown.set(false);
        watcher.scan();

        assertThat(root.resolve("done/story.txt")).exists();
        assertThat(acknowledged).extracting(ArticleReceived::headline).containsExactly("Port reopens");
    }

    @Test
    void aRefusedFileDoesNotStopTheOthers() throws IOException {
        InboxWatcher watcher = watcher();
        drop("a-binary.bin", new String(new byte[] {0, 1, 2, 3, 0, 0, 7}, StandardCharsets.ISO_8859_1));
        drop("b-too-many-items.json", "[" + "{\"headline\":\"h\",\"body\":\"b\"},".repeat(11) + "{\"headline\":\"h\",\"body\":\"b\"}]");
        drop("c-story.txt", "Port reopens\n\nThe port reopened on Tuesday.");

        watcher.scan();

        assertThat(root.resolve("failed/a-binary.bin.error")).exists();
        assertThat(root.resolve("failed/b-too-many-items.json.error")).content().contains("12 items");
        assertThat(root.resolve("done/c-story.txt")).exists();
        assertThat(acknowledged).hasSize(1);
    }

    @Test
    void anArticleOverTheSizeLimitGoesToFailedWithTheReasonAndTheNextFileIsTakenIn() throws IOException {
        InboxWatcher watcher = watcher();
        drop("a-huge.txt", "Data dump\n\n" + "All work and no play. ".repeat(1_000));
        drop("b-story.txt", "Port reopens\n\nThe port reopened on Tuesday.");

        watcher.scan();

        assertThat(root.resolve("failed/a-huge.txt")).exists();
        assertThat(root.resolve("failed/a-huge.txt.error")).content()
                .contains("over the 16,384-byte limit").contains("ingest.max-article-size");
        assertThat(root.resolve("done/b-story.txt")).exists();
        assertThat(acknowledged).extracting(ArticleReceived::headline).containsExactly("Port reopens");
    }

    @Test
    void anArticleJustUnderTheSizeLimitIsTakenIn() throws IOException {
        InboxWatcher watcher = watcher();
        String headline = "Long read";
        String body = "x".repeat(16 * 1024 - 64);
        drop("long.txt", headline + "\n\n" + body);

        watcher.scan();

        assertThat(root.resolve("done/long.txt")).exists();
        assertThat(acknowledged).hasSize(1);
    }

    @Test
    void aFileKafkaRefusesForWhatItHoldsGoesToFailedAndDoesNotHoldUpTheInbox() throws IOException {
        InboxWatcher watcher = watcher();
        drop("a-refused.txt", REFUSED_BY_KAFKA + "\n\nKafka will never take this one.");
        drop("b-story.txt", "Port reopens\n\nThe port reopened on Tuesday.");

        watcher.scan();

        assertThat(root.resolve("failed/a-refused.txt.error")).content().contains("Kafka refused its articles")
                .contains("RecordTooLargeException");
        assertThat(root.resolve("done/b-story.txt")).exists();
        assertThat(acknowledged).extracting(ArticleReceived::headline).containsExactly("Port reopens");
    }

    @Test
    void aFileRenamedIntoTheInboxWholeIsTakenWithoutWaitingOutTheQuietPeriod() throws Exception {
        InboxWatcher watcher = watcher(Duration.ofHours(1));
        Path partial = Files.writeString(root.resolve("inbox/story.txt.part"), "Port reopens\n\nThe port reopened on Tuesday.");
        Files.move(partial, root.resolve("inbox/story.txt"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Path hidden = Files.writeString(root.resolve("inbox/.wire.txt.Ab12Cd"), "Dock strike ends\n\nWorkers returned on Monday.");
        Files.move(hidden, root.resolve("inbox/wire.txt"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            watcher.scan();
            assertThat(root.resolve("done/story.txt")).exists();
            assertThat(root.resolve("done/wire.txt")).exists();
        });
        assertThat(acknowledged).extracting(ArticleReceived::headline).containsExactlyInAnyOrder("Port reopens", "Dock strike ends");
    }

    @Test
    void aFileWrittenInPlaceStillWaitsUntilItIsQuiet() throws Exception {
        InboxWatcher watcher = watcher(Duration.ofHours(1));
        Path renamed = Files.writeString(root.resolve("inbox/a.txt.part"), "Port reopens\n\nThe port reopened on Tuesday.");
        Files.writeString(root.resolve("inbox/in-place.txt"), "Half a story\n\nStill being writ");
        Files.move(renamed, root.resolve("inbox/a.txt"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(root.resolve("inbox/a.txt"), "Port reopens\n\nThe port reopened on Tuesday, and more.",
                java.nio.file.StandardOpenOption.APPEND);

        for (int i = 0; i < 10; i++) {
            watcher.scan();
            Thread.sleep(100);
        }

        assertThat(root.resolve("inbox/in-place.txt")).as("written in place").exists();
        assertThat(root.resolve("inbox/a.txt")).as("written to after it was renamed in").exists();
        assertThat(acknowledged).isEmpty();
    }

    @Test
    void takesInTheGoodItemsOfAFeedAndRecordsTheBrokenOneApart() throws IOException {
        InboxWatcher watcher = watcher();
        drop("wire.xml", FEED_WITH_ONE_BROKEN_ITEM);

        watcher.scan();

        assertThat(acknowledged).extracting(ArticleReceived::guid).containsExactly("wire-1");
        assertThat(root.resolve("done/wire.xml")).exists();
        assertThat(root.resolve("failed/wire.xml.error")).content().contains("1 item(s) refused").contains("item 2");
    }

    @Test
    void twoInstancesSharingOneInboxTakeEachFileOnce() throws Exception {
        InboxWatcher first = watcher(Duration.ZERO, new InboxClaims("ingest-1", Duration.ofMinutes(2)));
        InboxWatcher second = watcher(Duration.ZERO, new InboxClaims("ingest-2", Duration.ofMinutes(2)));
        int files = 300;
        for (int i = 0; i < files; i++) {
            drop("story-" + i + ".txt", "Story " + i + "\n\nThe port reopened on day " + i + ".");
        }

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var scans = List.of(pool.submit(() -> scanUntilEmpty(first)), pool.submit(() -> scanUntilEmpty(second)));
            for (var scan : scans) {
                scan.get();
            }
        }

        assertThat(acknowledged).extracting(ArticleReceived::headline).doesNotHaveDuplicates().hasSize(files);
        try (var done = Files.list(root.resolve("done"))) {
            assertThat(done.count()).isEqualTo(files);
        }
    }

    @Test
    void filesClaimedByAnInstanceThatStoppedAreHandedBackAndTakenByAnother() throws IOException {
        Path stale = root.resolve("inbox/.claimed/ingest-9");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("left-behind.txt"), "Left behind\n\nThe port reopened on Tuesday.");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        InboxWatcher watcher = watcher(Duration.ZERO, new InboxClaims("ingest-1", Duration.ofMinutes(2)));

        watcher.scan();

        assertThat(acknowledged).extracting(ArticleReceived::headline).containsExactly("Left behind");
        assertThat(root.resolve("done/left-behind.txt")).exists();
    }

    @Test
    void aLiveInstancesClaimsAreLeftToIt() throws IOException {
        Path live = root.resolve("inbox/.claimed/ingest-2");
        Files.createDirectories(live);
        Files.writeString(live.resolve("being-taken.txt"), "Being taken\n\nThe port reopened on Tuesday.");
        InboxWatcher watcher = watcher(Duration.ZERO, new InboxClaims("ingest-1", Duration.ofMinutes(2)));

        watcher.scan();

        assertThat(acknowledged).isEmpty();
        assertThat(live.resolve("being-taken.txt")).exists();
    }

    /** Scans until no file is left to claim; the files the other instance claimed are its to finish. */
    private Void scanUntilEmpty(InboxWatcher watcher) throws IOException {
        while (true) {
            watcher.scan();
            try (var left = Files.list(root.resolve("inbox"))) {
                if (left.allMatch(path -> path.getFileName().toString().startsWith("."))) {
                    return null;
                }
            }
        }
    }

    private InboxWatcher watcher() throws IOException {
        return watcher(Duration.ZERO);
    }

    private InboxWatcher watcher(Duration quietPeriod) throws IOException {
        return watcher(quietPeriod, InboxClaims.single());
    }

    private InboxWatcher watcher(Duration quietPeriod, InboxClaims claims) throws IOException {
        IngestProperties properties = new IngestProperties(root.resolve("inbox"), root.resolve("done"), root.resolve("failed"),
                Duration.ofMillis(100), quietPeriod, "inbox", 3, false, DataSize.ofKilobytes(64), 10, DataSize.ofKilobytes(16),
                new IngestProperties.Http(10),
                new IngestProperties.Feeds(List.of(), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(5), root.resolve("state"),
                        Duration.ofSeconds(5)));
        ArticleIntake intake = new ArticleIntake(articles -> {
            if (kafkaDown.get()) {
                throw new PublishFailedException("Kafka did not acknowledge: broker unreachable", null);
            }
            if (articles.stream().anyMatch(article -> article.headline().equals(REFUSED_BY_KAFKA))) {
                throw new PublishFailedException("Kafka did not acknowledge: " + new RecordTooLargeException("too large"), null, false);
            }
            acknowledged.addAll(articles);
        }, new IntakeMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        return new InboxWatcher(properties, claims, intake, new StorageHealth(new SimpleMeterRegistry()));
    }

    private Path drop(String name, String content) throws IOException {
        Path file = Files.writeString(root.resolve("inbox").resolve(name), content, StandardCharsets.ISO_8859_1);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(5)));
        return file;
    }
}
