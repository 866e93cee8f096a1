package org.newsroom.ingest.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The watched folder and its two outcomes. A file is offered only once it has been quiet (unchanged) for
 * a while and is not a hidden or partial download, so files still being written are never read half-way.
 */
final class Inbox {

    private static final List<String> PARTIAL_SUFFIXES = List.of(".tmp", ".part", ".partial", ".crdownload", ".download", ".error");

    private final Path inbox;
    private final Path done;
    private final Path failed;
    private final Duration quietPeriod;

    Inbox(Path inbox, Path done, Path failed, Duration quietPeriod) throws IOException {
        this.inbox = Files.createDirectories(inbox);
        this.done = Files.createDirectories(done);
        this.failed = Files.createDirectories(failed);
        this.quietPeriod = quietPeriod;
    }

    /** Files ready to be read, oldest first. */
    List<Path> readyFiles(Instant now) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(Inbox::isComplete)
                    .filter(file -> isQuiet(file, now))
                    .sorted((a, b) -> modified(a).compareTo(modified(b)))
                    .toList();
        }
    }

    private static boolean isComplete(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return !name.startsWith(".") && PARTIAL_SUFFIXES.stream().noneMatch(name::endsWith);
    }

    private boolean isQuiet(Path file, Instant now) {
        return modified(file).toInstant().plus(quietPeriod).isBefore(now);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.from(Instant.MAX);
        }
    }

    Path moveToDone(Path file) throws IOException {
        return moveInto(done, file);
    }

    /** Moves the file aside and writes {@code <name>.error} beside it with the reason. */
    Path moveToFailed(Path file, String reason) throws IOException {
        Path moved = moveInto(failed, file);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".error"), reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        return moved;
    }

    /** Never overwrites: a second file of the same name gets a numbered name, so no input is lost. */
    private static Path moveInto(Path folder, Path file) throws IOException {
        String name = file.getFileName().toString();
        Path target = folder.resolve(name);
        for (int n = 1; Files.exists(target); n++) {
            int dot = name.lastIndexOf('.');
            target = folder.resolve(dot > 0 ? name.substring(0, dot) + "." + n + name.substring(dot) : name + "." + n);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
