package org.newsroom.ingest.intake.feeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.newsroom.ingest.intake.StorageHealth;
import org.newsroom.ingest.intake.StorageHealth.Operation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each feed's state in {@code <state-dir>/<feed>.json}, so positions survive restarts. A state is written to a
 * temporary file and moved over the old one atomically: a crash leaves the old state or the new, never half.
 * The latest state is also kept in memory and is what {@link #load} returns, so when the disk is full (the
 * write fails, {@link StorageHealth} reports it) the feed's position still advances and its items are not
 * published again on every poll; the write is retried with the next save. Only a restart before the disk has
 * room again goes back to the last state written, and re-publishes those items under the same ids.
 */
final class FeedStates {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Path dir;
    private final StorageHealth storage;
    private final Map<String, FeedState> latest = new ConcurrentHashMap<>();

    FeedStates(Path dir, StorageHealth storage) {
        this.dir = dir;
        this.storage = storage;
    }

    FeedState load(String feed) throws IOException {
        FeedState remembered = latest.get(feed);
        if (remembered != null) {
            return remembered;
        }
        Path file = fileOf(feed);
        if (!Files.exists(file)) {
            return FeedState.initial();
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), FeedState.class);
        } catch (JacksonException e) {
            throw new IOException("unreadable feed state " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Remembers the state and writes it; a failed write is reported, not thrown (the memory copy holds). */
    void save(String feed, FeedState state) {
        latest.put(feed, state);
        Path file = fileOf(feed);
        try {
            write(file, state);
            storage.recovered(Operation.feed_state);
        } catch (IOException e) {
            storage.failed(Operation.feed_state, file, e);
        }
    }

    private void write(Path file, FeedState state) throws IOException {
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temporary, JSON.writeValueAsBytes(state));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Feed names become file names: anything but letters, digits, dot, dash and underscore is replaced. */
    Path fileOf(String feed) {
        return dir.resolve(feed.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }
}
