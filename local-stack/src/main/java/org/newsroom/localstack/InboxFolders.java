package org.newsroom.localstack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The three folders of ingest-service's {@code Inbox}, under one parent: it watches {@code inbox}, moves what it took
 * in to {@code done} and what it could not read to {@code failed} (with the reason beside it), creating them when it
 * starts. The stack, the cluster, the benchmark and the system tests name the three through this, as the services
 * are told them ({@link ServiceEnvironment}).
 */
public record InboxFolders(Path folder) {

    public InboxFolders {
        Objects.requireNonNull(folder, "folder");
    }

    /**
     * The folders as every stack lays them out: {@code feed/} under its home (the name predates "inbox"; scripts,
     * docs and existing homes use it, so it stays).
     */
    public static InboxFolders under(Path home) {
        return new InboxFolders(home.resolve("feed"));
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
}
