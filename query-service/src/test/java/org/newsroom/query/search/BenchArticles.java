package org.newsroom.query.search;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.newsroom.corpora.BbcNews;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;

/**
 * Benchmark articles: the Reuters-21578 stories with a body and the BBC News stories as enrichment would
 * describe them (Reuters topics and BBC categories as tags; Reuters places, people and orgs as entities),
 * replicated with variants up to the size asked for. Every third variant is a trimmed republication of its
 * base story by another source (a duplicate group); the others are the story re-filed later by another
 * source, as originals.
 */
final class BenchArticles {

    private static final String[] REPUBLISHERS = {"AP", "AFP", "Bloomberg", "Guardian", "Yahoo News", "Al Jazeera",
            "Deutsche Welle", "NHK", "Times of India", "ABC"};

    private final List<ArticleEnriched> base;

    private BenchArticles(List<ArticleEnriched> base) {
        this.base = base;
    }

    static BenchArticles read(Path data) {
        List<ArticleEnriched> base = new ArrayList<>();
        for (ReutersStory story : Reuters21578.read(data.resolve("reuters21578"))) {
            if (!story.paragraphs().isEmpty() && !story.title().isBlank()) {
                base.add(article("r" + story.newId(), "Reuters", "Reuters",
                        story.date() == null ? Instant.parse("1987-03-01T12:00:00Z") : story.date(), story.title(), story.paragraphs(),
                        story.topics().stream().map(t -> new Tag("reuters:" + t, t, "reuters-topics", 1.0, List.of())).toList(),
                        entities(story)));
            }
        }
        Instant bbcStart = Instant.parse("2004-01-01T08:00:00Z");
        BbcNews.read(data.resolve("bbc")).forEach(story -> base.add(article("b" + story.id().replaceAll("[^A-Za-z0-9]", "-"),
                "BBC", null, bbcStart.plus(Math.floorMod(story.id().hashCode(), 700), ChronoUnit.DAYS), story.headline(),
                story.paragraphs(), List.of(new Tag("bbc:" + story.category(), story.category(), "bbc-category", 1.0, List.of())),
                List.of())));
        return new BenchArticles(List.copyOf(base));
    }

    int baseSize() {
        return base.size();
    }

    List<ArticleEnriched> base() {
        return base;
    }

    /** The {@code count} articles starting at position {@code from} of the endless sequence base, variant 1, 2, ... */
    List<ArticleEnriched> slice(int from, int count) {
        return Stream.iterate(from, i -> i + 1).limit(count).map(this::at).toList();
    }

    private ArticleEnriched at(int position) {
        ArticleEnriched story = base.get(position % base.size());
        int variant = position / base.size();
        if (variant == 0) {
            return story;
        }
        String id = story.articleId() + "-v" + variant;
        String source = REPUBLISHERS[(variant + position) % REPUBLISHERS.length];
        Instant publishedAt = story.publishedAt().plus(variant * 3L, ChronoUnit.HOURS);
        if (variant % 3 == 1 && story.paragraphs().size() > 1) {
            List<String> trimmed = story.paragraphs().subList(0, story.paragraphs().size() - 1);
            return copy(story, id, source, publishedAt, trimmed,
                    new Dedup(DedupStatus.near_duplicate, story.articleId(), 0.9, 1.0, "minhash-lsh"));
        }
        return copy(story, id, source, publishedAt.plus(variant * 30L, ChronoUnit.DAYS), story.paragraphs(),
                Dedup.originalOf(id, "content-hash"));
    }

    private static ArticleEnriched copy(ArticleEnriched story, String id, String source, Instant publishedAt,
                                        List<String> paragraphs, Dedup dedup) {
        return new ArticleEnriched(UUID.randomUUID(), story.occurredAt(), id, 1, new Source(source, SourceKind.feed, "bench:" + id),
                "text", "https://bench.example/" + id, null, story.headline(), paragraphs, publishedAt, null,
                story.dateline(), "en", List.of(), null, null, "bench-1", story.enrichedAt(), story.tags(), story.entities(), dedup,
                story.storyId());
    }

    private static ArticleEnriched article(String id, String source, String agency, Instant publishedAt, String headline,
                                           List<String> paragraphs, List<Tag> tags, List<Entity> entities) {
        Instant now = Instant.now();
        return new ArticleEnriched(UUID.randomUUID(), now, id, 1, new Source(source, SourceKind.folder, "bench:" + id),
                "text", "https://bench.example/" + id, null, headline, paragraphs, publishedAt, null,
                new Dateline(null, agency), "en", List.of(), null, null, "bench-1", now, tags, entities,
                Dedup.originalOf(id, "content-hash"), "story-" + id);
    }

    private static List<Entity> entities(ReutersStory story) {
        List<Entity> entities = new ArrayList<>();
        story.places().forEach(p -> entities.add(new Entity("place:" + p, p, EntityType.place, List.of(p), 1)));
        story.people().forEach(p -> entities.add(new Entity("person:" + p, p, EntityType.person, List.of(p), 1)));
        story.orgs().forEach(o -> entities.add(new Entity("org:" + o, o, EntityType.organisation, List.of(o), 1)));
        return entities;
    }
}
