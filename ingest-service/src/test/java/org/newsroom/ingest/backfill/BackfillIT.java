package org.newsroom.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.ingest.publishing.RawTopic;
import org.newsroom.ingest.publishing.RawTopic.Received;
import org.newsroom.localstack.LocalEngines;

class BackfillIT {

    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void importsAFolderTreeAccountingForEveryItemAndRepublishesTheSameIdsOnARerun() throws Exception {
        Files.createDirectories(folder.resolve("seeds"));
        try (var seeds = Files.list(SAMPLES.resolve("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, folder.resolve("seeds").resolve(seed.getFileName()));
            }
        }
        Files.copy(SAMPLES.resolve("seeds/001_2ba139ad32a30a4e.txt"), folder.resolve("copy-of-001.txt"));
        Files.copy(SAMPLES.resolve("formats/feeds/rssparser_guardian.rss"), folder.resolve("guardian.rss"));
        Files.writeString(folder.resolve("empty.txt"), "");
        Files.createSymbolicLink(folder.resolve("link.txt"), SAMPLES.resolve("seeds/000_e48b20290115f886.txt"));
        Files.writeString(folder.resolve(".hidden.txt"), "Hidden\n\nNot read.");
        String bootstrap = LocalEngines.kafkaBootstrapServers();

        BackfillSummary first = Backfill.run(folder.toString(), bootstrap, SAMPLES.getParent(), "backfill-it");

        assertThat(first.failures().values()).extracting(BackfillSummary.Failures::example)
                .containsExactlyInAnyOrder("empty.txt", "link.txt");
        assertThat(first.failures()).containsKey("a symbolic link: refused, only real files are read");
        assertThat(first.failed()).isEqualTo(2);
        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(first.accepted()).isGreaterThan(5 + 10);
        assertThat(first.items()).isEqualTo(first.accepted() + first.duplicates() + first.failed());
        List<Received> published = RawTopic.awaitRecords(bootstrap,
                record -> record.article().source().name().equals("backfill-it"), (int) first.accepted());
        assertThat(published).hasSize((int) first.accepted());
        // Files are read in path order: the copy comes first, so the seed itself is the duplicate, never sent.
        assertThat(published).extracting(record -> record.article().source().uri())
                .contains("copy-of-001.txt", "seeds/000_e48b20290115f886.txt", "guardian.rss")
                .doesNotContain("seeds/001_2ba139ad32a30a4e.txt");

        BackfillSummary again = Backfill.run(folder.toString(), bootstrap, SAMPLES.getParent(), "backfill-it");

        assertThat(again.accepted()).isEqualTo(first.accepted());
        List<Received> afterRerun = RawTopic.awaitRecords(bootstrap,
                record -> record.article().source().name().equals("backfill-it"), (int) (2 * first.accepted()));
        assertThat(afterRerun.stream().map(Received::key).distinct()).hasSize((int) first.accepted());
    }
}
