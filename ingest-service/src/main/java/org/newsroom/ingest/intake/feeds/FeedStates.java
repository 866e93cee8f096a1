package org.newsroom.ingest.intake.feeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each feed's state in {@code <state-dir>/<feed>.json}, so positions survive restarts. A state is written to a
 * temporary file and moved over the old one atomically: a crash leaves the old state or the new, never half.
 */
final class FeedStates {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Path dir;

    FeedStates(Path dir) {
        this.dir = dir;
    }

    FeedState load(String feed) throws IOException {
        Path file = fileOf(feed);
        if (!Files.exists(file)) {
            return FeedState.initial();
        }
        try {
            return JSON.readValue(file.toFile(), FeedState.class);
        } catch (JacksonException e) {
            throw new IOException("unreadable feed state " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    void save(String feed, FeedState state) throws IOException {
        Path file = fileOf(feed);
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
