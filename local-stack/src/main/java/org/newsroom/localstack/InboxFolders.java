package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The watched folder's three folders, as ingest-service uses them (its {@code Inbox}): it watches {@code inbox},
 * moves what it took in to {@code done} and what it could not read to {@code failed} (with the reason beside it).
 * The stack, the cluster, the benchmark and the system tests name the three through this, as the services are told
 * them ({@link ServiceEnvironment}).
 */
public record FeedFolders(Path folder) {

    public FeedFolders {
        Objects.requireNonNull(folder, "folder");
    }

    public Path inbox() {
        return folder.resolve("inbox");
    }

    public Path done() {
        return folder.resolve("done");
    }

    public Path failed() {
        return folder.resolve("failed");
    }

    /** These folders, created where missing. */
    public FeedFolders created() throws IOException {
        Files.createDirectories(inbox());
        Files.createDirectories(done());
        Files.createDirectories(failed());
        return this;
    }
}
