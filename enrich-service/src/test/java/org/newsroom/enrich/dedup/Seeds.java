package org.newsroom.enrich.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The five seed articles of samples/seeds: separate reports on the same Pompeo–Lavrov meetings. */
record Seeds(String articleId, Instant publishedAt, String headline, List<String> paragraphs) {

    static final Path FOLDER = Path.of("..", "samples", "seeds");

    static List<Seeds> all() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<Seeds> seeds = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                List<String> blocks = Arrays.stream(Files.readString(file).split("\\n\\s*\\n"))
                        .map(String::strip).filter(b -> !b.isEmpty()).toList();
                seeds.add(new Seeds("seed-" + seeds.size(), Instant.parse("2019-05-06T08:00:00Z").plusSeconds(600L * seeds.size()),
                        blocks.getFirst(), blocks.subList(1, blocks.size())));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Seeds first() {
        return all().getFirst();
    }

    Seeds republished(String newId, Instant at, List<String> newParagraphs) {
        return new Seeds(newId, at, "Republished: " + headline, newParagraphs);
    }
}
