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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.ingest.IngestProperties;
import org.newsroom.ingest.metrics.IntakeMetrics;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/** The inbox on a disk that fills up: a clear error (log, metric, health) and nothing lost or published twice. */
class InboxFullDiskTests {

    private final SmallDisk disk = new SmallDisk();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StorageHealth storage = new StorageHealth(registry);
    private final List<ArticleReceived> acknowledged = new CopyOnWriteArrayList<>();
    private Path root;

    @AfterEach
    void closeDisk() throws IOException {
        disk.close();
    }

    @Test
    void aRefusedFileStaysInTheInboxWhileItsReasonCannotBeWrittenAndMovesOnceThereIsRoom() throws IOException {
        InboxWatcher watcher = watcher(false);
        Path binary = drop("a-binary.bin", new String(new byte[] {0, 1, 2, 3, 0, 0, 7}, StandardCharsets.ISO_8859_1));
        disk.fill();

        watcher.scan();
        watcher.scan();

        assertThat(binary).exists();
        assertThat(files("failed")).as("no file in failed without its reason, no truncated .error").isEmpty();
        assertThat(storage.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(storage.health().getDetails()).containsKey("failed");
        assertThat(failures("failed")).isEqualTo(2.0);

        disk.free();
        watcher.scan();

        assertThat(binary).doesNotExist();
        assertThat(root.resolve("failed/a-binary.bin")).exists();
        assertThat(root.resolve("failed/a-binary.bin.error")).content().contains("binary");
        assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void goodFilesAreStillTakenInOnAFullDisk() throws IOException {
        InboxWatcher watcher = watcher(false);
        drop("story.txt", "Port reopens\n\nThe port reopened on Tuesday.");
        disk.fill();

        watcher.scan();

        // A move within the volume needs no free space.
        assertThat(root.resolve("done/story.txt")).exists();
        assertThat(acknowledged).extracting(ArticleReceived::headline).containsExactly("Port reopens");
        assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void refusedItemsAreRecordedOnceThereIsRoomAndTheGoodOnesPublishedOnce() throws IOException {
        InboxWatcher watcher = watcher(false);
        drop("wire.xml", InboxWatcherTests.FEED_WITH_ONE_BROKEN_ITEM);
        disk.fill();

        watcher.scan();
        watcher.scan();

        assertThat(root.resolve("done/wire.xml")).exists();
        assertThat(root.resolve("failed/wire.xml.error")).doesNotExist();
        assertThat(storage.health().getDetails()).containsKey("item-failures");

        disk.free();
        watcher.scan();

        assertThat(root.resolve("failed/wire.xml.error")).content().contains("1 item(s) refused").contains("item 2");
        assertThat(acknowledged).extracting(ArticleReceived::guid).containsExactly("wire-1");
        assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aPublishedFileThatCannotMoveToDoneIsNotPublishedAgainWhileItWaits() throws IOException {
        InboxWatcher watcher = watcher(true);
        Path story = drop("wires/story.txt", "Port reopens\n\nThe port reopened on Tuesday.");
        // done/wires cannot be created (a file has its name), as when the disk has no room for a folder.
        Files.writeString(root.resolve("done/wires"), "in the way");

        watcher.scan();
        watcher.scan();
        watcher.scan();

        // It waits among this instance's claimed files, which no other instance takes.
        Path claimed = root.resolve("inbox/.claimed/local/wires/story.txt");
        assertThat(claimed).exists();
        assertThat(story).doesNotExist();
        assertThat(acknowledged).hasSize(1);
        assertThat(storage.health().getDetails()).containsKey("done");

        Files.delete(root.resolve("done/wires"));
        watcher.scan();

        assertThat(claimed).doesNotExist();
        assertThat(root.resolve("done/wires/story.txt")).exists();
        assertThat(acknowledged).hasSize(1);
        assertThat(storage.health().getStatus()).isEqualTo(Status.UP);
    }

    private InboxWatcher watcher(boolean recursive) throws IOException {
        root = disk.path("/feed");
        IngestProperties properties = new IngestProperties(root.resolve("inbox"), root.resolve("done"), root.resolve("failed"),
                Duration.ofMillis(100), Duration.ZERO, "inbox", 3, recursive, DataSize.ofKilobytes(64), 10, DataSize.ofKilobytes(16),
                new IngestProperties.Http(10),
                new IngestProperties.Feeds(List.of(), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(5),
                        root.resolve("state"), Duration.ofSeconds(5)));
        ArticleIntake intake = new ArticleIntake(acknowledged::addAll, new IntakeMetrics(registry), Clock.systemUTC());
        return new InboxWatcher(properties, intake, storage);
    }

    private Path drop(String name, String content) throws IOException {
        Path file = root.resolve("inbox").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(5)));
        return file;
    }

    private List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(folder))) {
            return files.toList();
        }
    }

    private double failures(String operation) {
        return registry.get(StorageHealth.METRIC).tag("operation", operation).counter().count();
    }
}
