package org.newsroom.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.memory.Memory;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.enrich.tagging.RulesFile;
import org.newsroom.enrich.tagging.TaggingProperties;

class EnricherTests {

    @TempDir
    Path dir;

    private TaggingProperties settings() {
        return new TaggingProperties(dir.resolve("rules.yaml"), Duration.ofSeconds(2), "", 2,
                Duration.ofDays(3), 0.125, 0.2, Duration.ofDays(30), List.of("*"), List.of("place"), 3);
    }

    private Enricher enricher;

    private Enricher.Draft firstSeedDrafted() {
        enricher = new Enricher("test", Clock.systemUTC(), EnrichmentSteps.of(settings(), Clock.systemUTC()));
        return enricher.draft(SeedArticles.seeds().get(0));
    }

    /** Seed 000 with memory's answers once seed 001 arrived, as the memory task revises it. */
    private ArticleEnriched firstSeedOnceTheSecondArrived(Enricher.Draft first) {
        Memory memory = enricher.newMemory().orElseThrow();
        memory.see(first.facts());
        memory.see(enricher.draft(SeedArticles.seeds().get(1)).facts());
        Memory.Answer now = memory.answer(first.article().articleId());
        return enricher.remembered(first.article(), first.memo(), now.people(), now.storyId());
    }

    private List<ArticleEnriched> enrichedSeeds() {
        Enricher enricher = new Enricher("test", Clock.systemUTC(), EnrichmentSteps.of(settings(), Clock.systemUTC()));
        Memory memory = enricher.newMemory().orElseThrow();
        return SeedArticles.seeds().stream().map(seed -> {
            Enricher.Draft draft = enricher.draft(seed);
            Memory.Answer answer = memory.see(draft.facts());
            revisions.addAll(answer.revisions());
            return enricher.remembered(draft.article(), draft.memo(), answer.people(), answer.storyId());
        }).toList();
    }

    /** The revisions the seeds' arrivals caused, for the memory task to emit (streams.Remembering). */
    private final List<Memory.Revision> revisions = new ArrayList<>();

    @Test
    void tagsEverySeedWithDiplomacyPoliticsAndTheThreeCountries() {
        for (ArticleEnriched seed : enrichedSeeds()) {
            assertThat(seed.tags()).extracting(Tag::label).as(seed.articleId())
                    .contains("diplomacy", "international relations", "politics and government",
                            "Venezuela", "Russia", "United States");
            assertThat(seed.tags()).allSatisfy(t -> assertThat(t.evidence()).isNotEmpty());
        }
    }

    @Test
    void namesLavrovAsOneEntityAcrossAllFiveSeeds() {
        List<List<Entity>> lavrovs = enrichedSeeds().stream()
                .map(a -> a.entities().stream().filter(e -> e.name().contains("Lavrov")).toList()).toList();
        assertThat(lavrovs).allSatisfy(l -> assertThat(l).hasSize(1));
        assertThat(lavrovs.stream().map(l -> l.getFirst().id()).distinct()).containsExactly("person:sergei-lavrov");
    }

    @Test
    void namesGuaidoByTheSpellingMostSeedsWriteOnceItOutvotesTheFirst() {
        List<ArticleEnriched> seeds = enrichedSeeds();
        // Seed 000 ("Juan Gudaio") arrived before the others outvoted its spelling; the revision that renames it is
        // returned, for the memory task to emit (streams.Remembering, tested in EnrichmentTopologyTests).
        assertThat(seeds.getFirst().entities()).extracting(Entity::id).contains("person:juan-gudaio");
        assertThat(revisions).filteredOn(r -> r.people() != null).extracting(Memory.Revision::articleId)
                .contains(seeds.getFirst().articleId());
        for (ArticleEnriched seed : seeds.subList(1, seeds.size())) {
            assertThat(seed.entities()).as(seed.articleId()).filteredOn(e -> e.name().contains("Guaido"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.id()).isEqualTo("person:juan-guaido");
                        assertThat(e.name()).isEqualTo("Juan Guaido");
                    });
        }
    }

    @Test
    void putsTheUndatedSeedsInOneStoryTheEarliestNames() {
        // Without publication dates, nothing but the text tells the three events apart, and the seeds share their
        // people, places and words: see docs/tagging.md ("What a story is") and ConvergenceTests for dated seeds.
        assertThat(enrichedSeeds()).extracting(ArticleEnriched::storyId).containsOnly("story-seed-000_e48b20290115f886");
    }

    @Test
    void keepsThePlaceholderDuplicateDecisionForTheTopologyToReplace() {
        ArticleEnriched first = enrichedSeeds().getFirst();
        assertThat(first.dedup().status()).isEqualTo(DedupStatus.original);
        assertThat(first.dedup().method()).isEqualTo(Enricher.NO_DEDUP);
    }

    @Test
    void givesATopicThatTestsAPersonOnceMemoryNamesThatPerson() throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), RulesFile.bundledDefault() + """

                  - id: guaido-watch
                    entities: [person:juan-guaido]
                """);
        Enricher.Draft first = firstSeedDrafted();
        ArticleEnriched revised = firstSeedOnceTheSecondArrived(first);

        // Seed 000 writes "Juan Gudaio": alone, it names no person:juan-guaido; once memory says who that is, it does.
        assertThat(first.article().tags()).extracting(Tag::id).doesNotContain("guaido-watch");
        assertThat(revised.tags()).extracting(Tag::id).contains("guaido-watch");
        assertThat(revised.tags()).as("place and subject tags as drafted")
                .filteredOn(t -> !t.scheme().equals("iptc-mediatopic") && !t.scheme().equals("newsroom"))
                .containsExactlyElementsOf(first.article().tags().subList(first.memo().topicTags(), first.article().tags().size()));
    }

    @Test
    void keepsTheDraftedTagsWhenNoRuleTestsEntities() {
        Enricher.Draft first = firstSeedDrafted();
        ArticleEnriched revised = firstSeedOnceTheSecondArrived(first);

        assertThat(revised.entities()).isNotEqualTo(first.article().entities());
        assertThat(revised.tags()).isEqualTo(first.article().tags());
    }

    @Test
    void bareEnricherOnlyNormalises() {
        ArticleEnriched bare = new Enricher("test", Clock.systemUTC()).enrich(SeedArticles.seeds().getFirst());
        assertThat(bare.tags()).isEmpty();
        assertThat(bare.entities()).isEmpty();
        assertThat(bare.storyId()).isEqualTo(bare.articleId());
    }

    @Test
    void keepsHowAWebPageArticleWasExtracted() {
        ArticleReceived seed = SeedArticles.seeds().getFirst();
        Extraction weak = new Extraction(Extraction.Method.largestBlock, 0.3);
        ArticleReceived fromPage = new ArticleReceived(seed.eventId(), seed.occurredAt(), seed.articleId(),
                seed.version(), seed.source(), "html", seed.url(), seed.guid(), seed.headline(), seed.paragraphs(),
                seed.publishedAt(), seed.byline(), seed.dateline(), seed.language(), seed.removed(), seed.pubStatus(),
                seed.correlationId(), weak);

        assertThat(new Enricher("test", Clock.systemUTC()).enrich(fromPage).extraction()).isEqualTo(weak);
    }
}
