package org.newsroom.system;

import java.nio.file.Path;

/**
 * The checkout the system tests run from: the parent of the module's folder, or {@code -Dnewsroom.project.root}
 * when the tests run from elsewhere (the fault campaign's own command sets it).
 */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path path() {
        return Path.of(System.getProperty("newsroom.project.root", "..")).toAbsolutePath().normalize();
    }

    static Path resolve(String first, String... more) {
        return path().resolve(Path.of(first, more));
    }
}
