package org.newsroom.ingest.intake;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Files renamed into the inbox whole: a tool that writes {@code story.xml.part} (or {@code .story.xml.tmp}, as
 * rsync does) and renames it to {@code story.xml} has finished writing, so the file need not wait out the quiet
 * period. Seen through the file system's change events on the inbox folder (not its sub-folders): the rename
 * shows as the partial name deleted and the complete name created. A file created any other way (written in
 * place, or moved in from another folder, which the events cannot tell apart) still waits until it is quiet, and
 * so does one modified after it arrived. Where the file system gives no events, everything waits as before.
 */
final class InboxRenames implements AutoCloseable {

    /** How long a deleted partial name is remembered, in case its rename's two events come in separate batches. */
    private static final Duration PAIRING = Duration.ofSeconds(2);

    private final Path folder;
    private final Predicate<Path> partial;
    private final WatchService watcher;
    private final Clock clock;
    /** Partial names just deleted (renamed away), with when. */
    private final Map<String, Instant> departed = new ConcurrentHashMap<>();
    /** Complete files that arrived by a rename, with their modification time then. */
    private final Map<Path, FileTime> whole = new ConcurrentHashMap<>();

    private InboxRenames(Path folder, Predicate<Path> partial, WatchService watcher, Clock clock) {
        this.folder = folder;
        this.partial = partial;
        this.watcher = watcher;
        this.clock = clock;
    }

    /** Watches {@code folder}; empty when the file system offers no change events (then nothing is ever whole). */
    static Optional<InboxRenames> watching(Path folder, Predicate<Path> partial, Clock clock) {
        try {
            WatchService watcher = FileSystems.getDefault().equals(folder.getFileSystem())
                    ? FileSystems.getDefault().newWatchService() : folder.getFileSystem().newWatchService();
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            return Optional.of(new InboxRenames(folder, partial, watcher, clock));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Records the events already there; true when a file arrived whole among them. */
    boolean drain() {
        boolean arrived = false;
        try {
            for (WatchKey key = watcher.poll(); key != null; key = watcher.poll()) {
                arrived |= record(key);
            }
        } catch (ClosedWatchServiceException closed) {
            return false;
        }
        return arrived;
    }

    /** Waits up to {@code timeout} for events, then records them and any others pending; true when a file arrived whole. */
    boolean await(Duration timeout) throws InterruptedException {
        WatchKey key;
        try {
            key = watcher.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ClosedWatchServiceException closed) {
            return false;
        }
        boolean arrived = key != null && record(key);
        return drain() || arrived;
    }

    /** Whether {@code file} arrived by a rename and has not changed since. */
    boolean isWhole(Path file) {
        FileTime then = whole.get(file);
        if (then == null) {
            return false;
        }
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).equals(then);
        } catch (IOException gone) {
            return false;
        }
    }

    /** Once the file was taken (or refused), its arrival is of no more use. */
    void forget(Path file) {
        whole.remove(file);
    }

    private boolean record(WatchKey key) {
        boolean arrived = false;
        Instant now = clock.instant();
        departed.values().removeIf(at -> at.plus(PAIRING).isBefore(now));
        for (WatchEvent<?> event : key.pollEvents()) {
            if (!(event.context() instanceof Path name)) {
                continue; // OVERFLOW: some events were lost; those files wait for quiet, as without events
            }
            Path file = folder.resolve(name);
            if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && partial.test(file)) {
                departed.put(name.toString(), now);
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && !partial.test(file)
                    && renamedFromPartial(name.toString())) {
                try {
                    whole.put(file, Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
                    arrived = true;
                } catch (IOException gone) {
                    // already moved on
                }
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_MODIFY || event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                whole.remove(file);
            }
        }
        key.reset();
        return arrived;
    }

    /** A partial name that held this one ({@code story.xml.part}, {@code .story.xml.tmp}, {@code .story.xml.Ab12Cd}) just went away. */
    private boolean renamedFromPartial(String name) {
        for (Iterator<String> names = departed.keySet().iterator(); names.hasNext(); ) {
            if (names.next().contains(name)) {
                names.remove();
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
