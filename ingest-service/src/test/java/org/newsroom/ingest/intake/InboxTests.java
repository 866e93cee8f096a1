package org.newsroom.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTests {

    private static final Instant NOW = Instant.parse("2026-05-06T12:00:00Z");

    @TempDir
    Path root;

    private Path in;

    @BeforeEach
    void createInbox() throws IOException {
        in = Files.createDirectories(root.resolve("inbox"));
    }

    @Test
    void offersOnlyCompleteFilesThatHaveBeenQuiet() throws IOException {
        Path older = quietFile("b-older.txt", 60);
        Path newer = quietFile("a-newer.txt", 30);
        quietFile("download.part", 60);
        quietFile("item.xml.tmp", 60);
        quietFile(".hidden.txt", 60);
        file("still-writing.txt", NOW.minusMillis(200));

        assertThat(inbox(false).readyFiles(NOW)).containsExactly(older, newer);
    }

    @Test
    void scansSubFoldersOnlyWhenRecursiveAndNeverTheOutcomeFolders() throws IOException {
        Path top = quietFile("top.txt", 60);
        Path nested = quietFile("wires/afp/nested.txt", 50);
        quietFile(".sync/hidden-folder.txt", 50);
        Inbox flat = inbox(false);
        Inbox recursive = new Inbox(in, in.resolve("done"), in.resolve("failed"), Duration.ofSeconds(1), true);
        quietFile("done/already-taken.txt", 40);
        quietFile("failed/already-refused.txt", 40);

        assertThat(flat.readyFiles(NOW)).containsExactly(top);
        assertThat(recursive.readyFiles(NOW)).containsExactly(top, nested);
    }

    @Test
    void refusesSymbolicLinksEvenToReadableFiles() throws IOException {
        Path secret = Files.writeString(root.resolve("secret.txt"), "outside the inbox");
        Path link = Files.createSymbolicLink(in.resolve("link.txt"), secret);
        Inbox inbox = inbox(false);

        assertThat(inbox.readyFiles(Instant.now().plusSeconds(5))).contains(link);
        assertThatThrownBy(() -> inbox.read(link, 1_000)).isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void refusesFilesInLinkedFoldersThatResolveOutsideTheInbox() throws IOException {
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(outside.resolve("story.txt"), "Headline\n\nBody.");
        Files.createSymbolicLink(in.resolve("linked"), outside);
        Inbox inbox = new Inbox(in, root.resolve("done"), root.resolve("failed"), Duration.ofSeconds(1), true);

        // The link itself is offered (to be refused), never the file behind it.
        assertThat(inbox.readyFiles(Instant.now().plusSeconds(5))).containsExactly(in.resolve("linked"));
        assertThatThrownBy(() -> inbox.read(in.resolve("linked").resolve("story.txt"), 1_000))
                .isInstanceOf(RefusedFileException.class).hasMessageContaining("outside the inbox");
    }

    @Test
    void refusesAFileOverTheSizeLimitWithoutReadingIt() throws IOException {
        Path large = Files.write(in.resolve("large.txt"), new byte[2_048]);

        assertThatThrownBy(() -> inbox(false).read(large, 1_024)).isInstanceOf(RefusedFileException.class)
                .hasMessage("2048 bytes, larger than the limit of 1024 bytes (ingest.max-file-size)");
    }

    @Test
    void readsAFileUnderTheLimit() throws Exception {
        Path story = Files.writeString(in.resolve("story.txt"), "Headline\n\nBody.");

        assertThat(inbox(false).read(story, 1_024)).hasValueSatisfying(bytes -> assertThat(new String(bytes)).isEqualTo("Headline\n\nBody."));
    }

    @Test
    void movesFilesKeepingTheirFolderAndNeverOverwrites() throws IOException {
        Inbox inbox = new Inbox(in, root.resolve("done"), root.resolve("failed"), Duration.ofSeconds(1), true);
        Path first = inbox.moveToDone(quietFile("wires/story.txt", 10));
        Path second = inbox.moveToDone(quietFile("wires/story.txt", 10));

        assertThat(first).isEqualTo(root.resolve("done/wires/story.txt").toRealPath());
        assertThat(second).isEqualTo(root.resolve("done/wires/story.1.txt").toRealPath());
        assertThat(in.resolve("wires/story.txt")).doesNotExist();
    }

    @Test
    void writesTheReasonBesideARefusedFile() throws IOException {
        Path moved = inbox(false).moveToFailed(quietFile("empty.txt", 10), "no article text");

        assertThat(moved).isEqualTo(root.resolve("failed/empty.txt").toRealPath());
        assertThat(root.resolve("failed/empty.txt.error")).content().isEqualToIgnoringNewLines("no article text");
    }

    @Test
    void recordsRefusedItemsOfATakenFileUnderFailed() throws IOException {
        Inbox inbox = inbox(false);
        Path taken = inbox.moveToDone(quietFile("feed.xml", 10));

        Path record = inbox.recordItemFailures(taken, List.of("item 3 (guid-3): no title and no text"));

        assertThat(record).isEqualTo(root.resolve("failed/feed.xml.error").toRealPath());
        assertThat(record).content().contains("1 item(s) refused").contains("item 3 (guid-3): no title and no text");
    }

    private Inbox inbox(boolean recursive) throws IOException {
        return new Inbox(in, root.resolve("done"), root.resolve("failed"), Duration.ofSeconds(1), recursive);
    }

    private Path quietFile(String name, int secondsAgo) throws IOException {
        return file(name, NOW.minusSeconds(secondsAgo));
    }

    private Path file(String name, Instant modified) throws IOException {
        Path file = in.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Headline of " + name + "\n\nBody.");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file.toRealPath();
    }
}
