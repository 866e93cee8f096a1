package org.newsroom.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The watched folder and its two outcomes. A file is offered only once it has been quiet (unchanged) for
 * a while and is not a hidden or partial download, so files still being written are never read half-way;
 * links and anything resolving outside the inbox are refused, and so is a file over the size limit.
 */
final class Inbox {

    private static final List<String> PARTIAL_SUFFIXES = List.of(".tmp", ".part", ".partial", ".crdownload", ".download", ".error");

    private final Path inbox;
    private final Path done;
    private final Path failed;
    private final Duration quietPeriod;
    private final boolean recursive;

    Inbox(Path inbox, Path done, Path failed, Duration quietPeriod, boolean recursive) throws IOException {
        this.inbox = Files.createDirectories(inbox).toRealPath();
        this.done = Files.createDirectories(done).toRealPath();
        this.failed = Files.createDirectories(failed).toRealPath();
        this.quietPeriod = quietPeriod;
        this.recursive = recursive;
    }

    /** Files (and links, to be refused) ready to be taken, oldest first. */
    List<Path> readyFiles(Instant now) throws IOException {
        return readyFiles(now, file -> false);
    }

    /** The same, where a file {@code whole} vouches for (it was renamed in whole) need not be quiet. */
    List<Path> readyFiles(Instant now, Predicate<Path> whole) throws IOException {
        List<Path> ready = new ArrayList<>();
        Files.walkFileTree(inbox, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(inbox)) {
                    return FileVisitResult.CONTINUE;
                }
                boolean skipped = !recursive || dir.equals(done) || dir.equals(failed) || isHidden(dir);
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                boolean candidate = attributes.isSymbolicLink()
                        || attributes.isRegularFile() && isComplete(file) && (isQuiet(attributes, now) || whole.test(file));
                if (candidate) {
                    ready.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A file that vanished or cannot be listed is simply not offered this time.
                return FileVisitResult.CONTINUE;
            }
        });
        ready.sort(Comparator.comparing(Inbox::modified));
        return ready;
    }

    /** Where the file sits inside the inbox, e.g. {@code wires/afp/item.xml}: its name in logs and sources. */
    String nameOf(Path file) {
        return inbox.relativize(file).toString();
    }

    /**
     * The file's bytes, or empty when it changed while being read (it will be offered again once quiet).
     * Links, paths resolving outside the inbox and files over {@code maxBytes} are refused unread.
     */
    Optional<byte[]> read(Path file, long maxBytes) throws RefusedFileException, IOException {
        if (Files.isSymbolicLink(file)) {
            throw new RefusedFileException("a symbolic link: refused, the inbox takes only real files");
        }
        if (!file.toRealPath().startsWith(inbox)) {
            throw new RefusedFileException("resolves outside the inbox (" + file.toRealPath() + "): refused");
        }
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (before.size() > maxBytes) {
            throw new RefusedFileException(tooLarge(before.size(), maxBytes));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw new RefusedFileException(tooLarge(bytes.length, maxBytes));
        }
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean changed = after.size() != bytes.length || !after.lastModifiedTime().equals(before.lastModifiedTime());
        return changed ? Optional.empty() : Optional.of(bytes);
    }

    private static String tooLarge(long size, long maxBytes) {
        return "%d bytes, larger than the limit of %d bytes (ingest.max-file-size)".formatted(size, maxBytes);
    }

    Path moveToDone(Path file) throws IOException {
        return moveInto(done, file);
    }

    /**
     * Writes {@code <name>.error} with the reason into failed, then moves the file beside it. The reason is
     * written first so that a full disk leaves the file in the inbox (offered again) rather than in failed
     * without its reason.
     */
    Path moveToFailed(Path file, String reason) throws IOException {
        Path target = freeTarget(failed, file);
        Path error = writeError(target, reason);
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(error);
            throw e;
        }
    }

    /** Records, beside where a file went, items of it that were refused while the others were taken in. */
    Path recordItemFailures(Path taken, List<String> failures) throws IOException {
        Path record = failed.resolve(done.relativize(taken));
        Files.createDirectories(record.getParent());
        return writeError(record, failures.size() + " item(s) refused, the others were taken in (file in done: "
                + taken + ")" + System.lineSeparator() + String.join(System.lineSeparator(), failures));
    }

    /** Writes the reason whole or not at all: a write cut short by a full disk leaves no truncated file. */
    private static Path writeError(Path file, String reason) throws IOException {
        Path error = file.resolveSibling(file.getFileName() + ".error");
        try {
            Files.writeString(error, reason + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            Files.deleteIfExists(error);
            throw e;
        }
        return error;
    }

    /** Keeps the file's place under the inbox; never overwrites: a same-named file gets a numbered name. */
    private Path moveInto(Path folder, Path file) throws IOException {
        return Files.move(file, freeTarget(folder, file), StandardCopyOption.ATOMIC_MOVE);
    }

    private Path freeTarget(Path folder, Path file) throws IOException {
        Path relative = inbox.relativize(file);
        Path parent = relative.getParent() == null ? folder : Files.createDirectories(folder.resolve(relative.getParent()));
        String name = file.getFileName().toString();
        Path target = parent.resolve(name);
        for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(target.resolveSibling(target.getFileName() + ".error"), LinkOption.NOFOLLOW_LINKS); n++) {
            int dot = name.lastIndexOf('.');
            target = parent.resolve(dot > 0 ? name.substring(0, dot) + "." + n + name.substring(dot) : name + "." + n);
        }
        return target;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /** The folder watched, as a real path. */
    Path folder() {
        return inbox;
    }

    /** Not hidden and not a partial download: a name a writer gives a file once it is finished. */
    static boolean isComplete(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return !isHidden(file) && PARTIAL_SUFFIXES.stream().noneMatch(name::endsWith);
    }

    private boolean isQuiet(BasicFileAttributes attributes, Instant now) {
        return attributes.lastModifiedTime().toInstant().plus(quietPeriod).isBefore(now);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
