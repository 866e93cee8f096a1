package org.newsroom.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the engines: {@code kafka/libs/*.jar} and {@code elasticsearch.zip} (and any
 * Elasticsearch plugin zips under {@code elasticsearch-plugins/}), all resolved from Maven Central by the
 * local-stack module's build.
 */
public final class EnginesDir {

    private EnginesDir() {
    }

    /**
     * From {@code -Dnewsroom.engines.dir}, {@code NEWSROOM_ENGINES_DIR}, the checkout named by
     * {@code -Dnewsroom.project.root}, or local-stack/target/engines in a folder above here.
     */
    public static Path locate() {
        String configured = System.getProperty("newsroom.engines.dir", System.getenv("NEWSROOM_ENGINES_DIR"));
        if (configured != null && !configured.isBlank()) {
            return verified(Path.of(configured));
        }
        String projectRoot = System.getProperty("newsroom.project.root");
        if (projectRoot != null && !projectRoot.isBlank()) {
            return verified(Path.of(projectRoot, "local-stack/target/engines"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("local-stack/target/engines");
            if (Files.isDirectory(candidate)) {
                return verified(candidate);
            }
        }
        throw new IllegalStateException("Engines not found: build the project first (./newsroom build), "
                + "or set NEWSROOM_ENGINES_DIR to local-stack/target/engines");
    }

    private static Path verified(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute.resolve("kafka/libs")) || !Files.isRegularFile(absolute.resolve("elasticsearch.zip"))) {
            throw new IllegalStateException(absolute + " lacks kafka/libs or elasticsearch.zip: rebuild local-stack");
        }
        return absolute;
    }
}
