package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A feed folder as ingest-service uses it: it watches {@code inbox}, moves what it took in to {@code done} and what
 * it could not read to {@code failed} (with the reason beside it). The stack, the cluster, the benchmark and the
 * system tests name the three through this, as the services are told them ({@link ServiceEnvironment}).
 */
public record Feed(Path folder) {

    public Feed {
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

    /** This feed, its three folders created where missing. */
    public Feed created() throws IOException {
        Files.createDirectories(inbox());
        Files.createDirectories(done());
        Files.createDirectories(failed());
        return this;
    }
}
