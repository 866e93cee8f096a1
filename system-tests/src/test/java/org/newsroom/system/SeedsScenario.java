package org.newsroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The walking-skeleton scenario, run against whichever engines a test provides: the five seed articles
 * dropped into the inbox become searchable, a re-dropped copy adds nothing, and a binary file is set aside
 * with a reason while the rest flows.
 */
final class SeedsScenario {

    static final Path SEEDS = ProjectRoot.resolve("samples", "seeds");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private SeedsScenario() {
    }

    static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static void seedsBecomeSearchable(RunningPipeline pipeline) throws IOException {
        for (Path seed : seeds()) {
            pipeline.drop(seed);
        }
        pipeline.drop("not-an-article.bin", new byte[] {0x00, 0x01, (byte) 0xFF, 0x7F, 0x00, 0x42});

        // Until the first article is indexed the index may not exist yet or have no shard ready (503).
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() ->
                assertThat(pipeline.search("lavrov").path("total").asLong()).isEqualTo(5));

        JsonNode hits = pipeline.search("lavrov").path("hits");
        assertThat(hits).hasSize(5);
        assertThat(hits).allSatisfy(hit -> {
            assertThat(hit.path("id").asString()).isNotBlank();
            assertThat(hit.path("headline").asString()).isNotBlank();
            assertThat(hit.path("source").path("name").asString()).isNotBlank();
        });
        assertThat(hits.findValuesAsString("headline"))
                .contains("Pompeo in Russia: Five Talking Points", "Pompeo to Meet With Putin, Lavrov Amid Tensions");
        JsonNode dated = pipeline.search("\"Pompeo pressed yesterday\"").path("hits").get(0);
        assertThat(dated.path("publishedAt").asString()).startsWith("2019-05-06");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(pipeline.inboxFolders().failed().resolve("not-an-article.bin")).exists();
            assertThat(Files.readString(pipeline.inboxFolders().failed().resolve("not-an-article.bin.error"))).contains("binary");
        });
        try (Stream<Path> done = Files.list(pipeline.inboxFolders().done())) {
            assertThat(done.count()).isEqualTo(5);
        }
    }

    static void redroppedSeedAddsNoArticle(RunningPipeline pipeline) throws IOException {
        Path seed = seeds().getFirst();
        pipeline.drop(seed);

        await().atMost(PATIENCE).untilAsserted(() -> {
            try (Stream<Path> done = Files.list(pipeline.inboxFolders().done())) {
                assertThat(done.count()).isEqualTo(6);
            }
        });
        // The copy went through the whole pipeline; give the index its refresh interval before counting.
        await().pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE).untilAsserted(() ->
                assertThat(pipeline.search("lavrov").path("total").asLong()).isEqualTo(5));
    }
}
