package org.newsroom.query.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Tag;

/**
 * The five seed articles of {@code samples/seeds} as enrichment would describe them, plus crafted ones,
 * all carrying a {@code scope} tag so a test counts only its own articles in a shared index.
 */
final class SeedArticles {

    static final Tag POLITICS = new Tag("medtop:11000000", "politics", "iptc-mediatopic", 0.9, List.of("Pompeo"));
    static final Tag SPORT = new Tag("medtop:15000000", "sport", "iptc-mediatopic", 0.9, List.of());
    static final Entity POMPEO = person("Q473239", "Mike Pompeo");
    static final Entity LAVROV = person("Q183327", "Sergey Lavrov");
    static final Entity PUTIN = person("Q7747", "Vladimir Putin");
    static final Entity VENEZUELA = new Entity("Q717", "Venezuela", EntityType.place, List.of("Venezuela"), 2);

    private SeedArticles() {
    }

    /** Seeds 0 to 4 as {@code prefix + "-seed" + n}: AP, VOA, AFP, The National, Breitbart; 3 to 7 May 2019. */
    static List<ArticleEnriched> seeds(String prefix, Tag scope) throws IOException {
        String[][] sources = {{"AP", "AP"}, {"VOA", null}, {"AFP", "AFP"}, {"The National", null}, {"Breitbart", null}};
        List<List<Entity>> entities = List.of(List.of(POMPEO, LAVROV, VENEZUELA), List.of(POMPEO, LAVROV, PUTIN, VENEZUELA),
                List.of(POMPEO, LAVROV, VENEZUELA), List.of(POMPEO, LAVROV, PUTIN, VENEZUELA), List.of(PUTIN, VENEZUELA));
        List<Path> files;
        try (Stream<Path> listing = Files.list(seedsDir())) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<ArticleEnriched> seeds = new ArrayList<>();
        for (int n = 0; n < files.size(); n++) {
            List<String> blocks = Arrays.stream(Files.readString(files.get(n), StandardCharsets.UTF_8).split("\\n\\s*\\n"))
                    .map(String::strip).filter(b -> !b.isEmpty()).toList();
            String id = prefix + "-seed" + n;
            seeds.add(article(id, sources[n][0], sources[n][1], Instant.parse("2019-05-0" + (3 + n) + "T10:00:00Z"),
                    List.of(POLITICS, scope), entities.get(n), blocks.getFirst(), blocks.subList(1, blocks.size())));
        }
        return seeds;
    }

    static ArticleEnriched article(String id, String source, String agency, Instant publishedAt, List<Tag> tags,
                                   List<Entity> entities, String headline, List<String> paragraphs) {
        return new ArticleEnriched(UUID.randomUUID(), Instant.now(), id, 1, new Source(source, SourceKind.folder, "test:" + id),
                "text", "https://news.example/" + id, null, headline, paragraphs, publishedAt, null,
                new Dateline(null, agency), "en", List.of(), null, null, "test-1", Instant.now(), tags, entities,
                Dedup.originalOf(id, "content-hash"), "story-" + id);
    }

    /** {@code original} republished an hour later by {@code source}, its last paragraph cut. */
    static ArticleEnriched trimmedRepublication(ArticleEnriched original, String id, String source) {
        List<String> paragraphs = original.paragraphs().subList(0, original.paragraphs().size() - 1);
        return new ArticleEnriched(UUID.randomUUID(), Instant.now(), id, 1, new Source(source, SourceKind.feed, "test:" + id),
                "text", "https://republisher.example/" + id, null, original.headline(), paragraphs,
                original.publishedAt().plusSeconds(3600), null, original.dateline(), "en", List.of(), null, null, "test-1",
                Instant.now(), original.tags(), original.entities(),
                new Dedup(DedupStatus.near_duplicate, original.articleId(), 0.9, 1.0, "minhash-lsh"), original.storyId());
    }

    static Tag scope(String name) {
        return new Tag("scope:" + name, name, "test", 1.0, List.of());
    }

    private static Entity person(String id, String name) {
        return new Entity(id, name, EntityType.person, List.of(name), 1);
    }

    private static Path seedsDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples/seeds"))) {
                return dir.resolve("samples/seeds");
            }
        }
        throw new IllegalStateException("samples/seeds not found above " + Path.of("").toAbsolutePath());
    }
}
