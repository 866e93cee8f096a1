package org.newsroom.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;

/** Test fixtures: the five seed articles as ingest would publish them, and Reuters stories as articles. */
public final class SeedArticles {

    private SeedArticles() {
    }

    /** The seeds, in file order: headline on the first line, paragraphs after. */
    public static List<ArticleReceived> seeds() {
        Path folder = repoRoot().resolve("samples/seeds");
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(SeedArticles::seed).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Up to {@code limit} Reuters-21578 ModApte TEST stories published in the two days from the middle of the split,
     * in date order: stories close enough in time for people and stories to meet.
     */
    public static List<ReutersStory> reutersDays(int limit) {
        List<ReutersStory> test = Reuters21578.read(repoRoot().resolve("data/reuters21578")).stream()
                .filter(s -> s.split() == ReutersStory.ModApte.test && s.date() != null && !s.paragraphs().isEmpty())
                .sorted(Comparator.comparing(ReutersStory::date).thenComparingInt(ReutersStory::newId)).toList();
        Instant from = test.get(test.size() / 2).date();
        return test.stream().filter(s -> !s.date().isBefore(from) && s.date().isBefore(from.plus(Duration.ofDays(2))))
                .limit(limit).toList();
    }

    public static ArticleReceived reuters(ReutersStory story) {
        return article("reuters-" + story.newId(), story.title().isBlank() ? "(untitled)" : story.title(),
                story.paragraphs(), story.date());
    }

    public static ArticleReceived article(String id, String headline, List<String> paragraphs, Instant publishedAt) {
        return new ArticleReceived(UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z"), id, 1,
                new Source("test", SourceKind.folder, "file:///test"), "text", null, null, headline, paragraphs,
                publishedAt, null, null, "en", List.of(), null, null);
    }

    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples/seeds"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run inside the repository: no samples/seeds above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static ArticleReceived seed(Path file) {
        try {
            String[] lines = Files.readString(file).split("\n");
            List<String> paragraphs = Arrays.stream(lines).skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList();
            String id = file.getFileName().toString().replace(".txt", "");
            return article("seed-" + id, lines[0].strip(), paragraphs, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
