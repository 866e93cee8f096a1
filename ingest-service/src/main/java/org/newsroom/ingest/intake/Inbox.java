package org.newsroom.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The watched folder and its two outcomes. A file is offered only once it has been quiet (unchanged) for
 * a while and is not a hidden or partial download, so files still being written are never read half-way;
 * links and anything resolving outside the inbox are refused, and so is a file over the size limit.
 * <p>
 * Several ingest instances may watch one inbox: each takes a file by {@linkplain #claim claiming} it first, an
 * atomic rename into its own hidden folder {@code .claimed/<instance>/} inside the inbox, which only one of them
 * can win. A claimed file is read, published and moved on from there; one that cannot be taken now goes back.
 * An instance touches its folder on every scan, and the files of an instance that stopped touching it (it died
 * and was replaced under another name) are handed back to the inbox by the others.
 */
final class Inbox {

    private static final List<String> PARTIAL_SUFFIXES = List.of(".tmp", ".part", ".partial", ".crdownload", ".download", ".error");

    private final Path inbox;
    private final Path done;
    private final Path failed;
    private final Duration quietPeriod;
    private final boolean recursive;
    /** Where every instance's claimed files are: hidden, so no scan offers them. */
    private final Path claimsRoot;
    /** This instance's claimed files. */
    private final Path claims;

    private static final String CLAIMS_FOLDER = ".claimed";
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    Inbox(Path inbox, Path done, Path failed, Duration quietPeriod, boolean recursive) throws IOException {
        this(inbox, done, failed, quietPeriod, recursive, "local");
    }

    Inbox(Path inbox, Path done, Path failed, Duration quietPeriod, boolean recursive, String instance) throws IOException {
        if (instance == null || !INSTANCE.matcher(instance).matches()) {
            throw new IllegalArgumentException("ingest.instance must be letters, digits, '.', '_' or '-' (at most 100),"
                    + " starting with a letter or digit; was " + instance);
        }
        this.inbox = Files.createDirectories(inbox).toRealPath();
        this.done = Files.createDirectories(done).toRealPath();
        this.failed = Files.createDirectories(failed).toRealPath();
        this.quietPeriod = quietPeriod;
        this.recursive = recursive;
        this.claimsRoot = this.inbox.resolve(CLAIMS_FOLDER);
        this.claims = Files.createDirectories(claimsRoot.resolve(instance));
    }

    /**
     * Takes {@code file} (offered by {@link #readyFiles}) for this instance alone by renaming it into its claims
     * folder: the claimed path, or empty when another instance renamed it first.
     */
    Optional<Path> claim(Path file) throws IOException {
        Path target = claims.resolve(inbox.relativize(file));
        Files.createDirectories(target.getParent());
        try {
            return Optional.of(Files.move(file, target, StandardCopyOption.ATOMIC_MOVE));
        } catch (NoSuchFileException taken) {
            return Optional.empty();
        }
    }

    /**
     * Puts a claimed file back where it was, for any instance to take later; it stays claimed (and is retried
     * from there) while a newer file of the same name sits in the inbox.
     */
    void release(Path claimed) throws IOException {
        Path owner = claimed.startsWith(claims) ? claims : claimsRoot.resolve(claimsRoot.relativize(claimed).getName(0));
        Path back = inbox.resolve(owner.relativize(claimed));
        if (Files.exists(back, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(back.getParent());
        try {
            Files.move(claimed, back, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException released) {
            // another instance handed it back first
        }
    }

    /** Files this instance claimed and has not moved on (a crash, Kafka away, a full disk), oldest first. */
    List<Path> claimed() throws IOException {
        return filesUnder(claims);
    }

    /**
     * Marks this instance alive (its claims folder's time), then hands back the files of instances whose folder
     * has not been touched for {@code staleAfter}: the number handed back.
     */
    int heartbeat(Instant now, Duration staleAfter) throws IOException {
        Files.setLastModifiedTime(claims, FileTime.from(now));
        int released = 0;
        List<Path> others;
        try (Stream<Path> folders = Files.list(claimsRoot)) {
            others = folders.filter(folder -> !folder.equals(claims)).toList();
        }
        for (Path other : others) {
            try {
                if (Files.getLastModifiedTime(other, LinkOption.NOFOLLOW_LINKS).toInstant().plus(staleAfter).isAfter(now)) {
                    continue;
                }
                for (Path file : filesUnder(other)) {
                    release(file);
                    released++;
                }
            } catch (NoSuchFileException gone) {
                // another instance is cleaning it up
            }
        }
        return released;
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).forEach(files::add);
        }
        Map<Path, Instant> modified = new HashMap<>();
        files.forEach(file -> modified.put(file, modified(file)));
        return oldestFirst(modified);
    }

    /**
     * The files by the modification time given for each, ties by path, so every instance takes them in one order.
     * The times are read once per file, before sorting: another instance may move or touch a file meanwhile, and a
     * comparator that read the disk on every comparison could then contradict itself (TimSort refuses that).
     */
    private static List<Path> oldestFirst(Map<Path, Instant> modified) {
        List<Path> sorted = new ArrayList<>(modified.keySet());
        sorted.sort(Comparator.comparing((Path file) -> modified.get(file)).thenComparing(Path::toString));
        return sorted;
    }

    /** Files (and links, to be refused) ready to be taken, oldest first. */
    List<Path> readyFiles(Instant now) throws IOException {
        return readyFiles(now, file -> false);
    }

    /** The same, where a file {@code whole} vouches for (it was renamed in whole) need not be quiet. */
    List<Path> readyFiles(Instant now, Predicate<Path> whole) throws IOException {
        Map<Path, Instant> ready = new HashMap<>();
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
                    ready.put(file, attributes.lastModifiedTime().toInstant());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A file that vanished or cannot be listed is simply not offered this time.
                return FileVisitResult.CONTINUE;
            }
        });
        return oldestFirst(ready);
    }

    /** Where the file sits inside the inbox, e.g. {@code wires/afp/item.xml}: its name in logs and sources. */
    String nameOf(Path file) {
        return relative(file).toString();
    }

    /** Where the file sits in the inbox, or sat before this instance claimed it. */
    private Path relative(Path file) {
        return file.startsWith(claims) ? claims.relativize(file) : inbox.relativize(file);
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
        Path relative = relative(file);
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
