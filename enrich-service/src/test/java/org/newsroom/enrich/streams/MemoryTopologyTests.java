package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Tag;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.SeedArticles;
import org.newsroom.enrich.memory.Facts;
import org.newsroom.enrich.memory.Memory;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.newsroom.eventheaders.CloudEventSerializer;
import org.newsroom.corpora.ReutersStory;

/**
 * People and stories in the memory task: an earlier article whose answers a later one changes is told again, and
 * what subscribers end up with (the last record per article) depends on the set of articles, not on their arrival
 * order, and survives a rebuild of the memory from the held articles.
 */
class MemoryTopologyTests {

    private static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");

    @TempDir
    Path dir;

    /** What subscribers end up with for one article. */
    private record Final(List<String> entityIds, String storyId, String dedup, List<String> tagIds) {

        static Final of(ArticleEnriched a) {
            return new Final(a.entities().stream().map(Entity::id).toList(), a.storyId(),
                    a.dedup().status() + " of " + a.dedup().canonicalId(),
                    a.tags().stream().map(Tag::id).sorted().toList());
        }
    }

    @Test
    void tellsTheFirstSeedAgainAsJuanGuaidoWhenTheSecondArrives() {
        List<ArticleReceived> seeds = SeedArticles.seeds();
        Run run = new Run(enricher());

        run.arrive(seeds.get(0));
        run.arrive(seeds.get(1));

        // 000 writes "Juan Gudaio", 001 "Juan Guaido": one person, named by the smaller key while they tie.
        List<ArticleEnriched> told = run.told();
        assertThat(told).extracting(ArticleEnriched::articleId)
                .containsExactly(seeds.get(0).articleId(), seeds.get(1).articleId(), seeds.get(0).articleId());
        assertThat(told.get(0).entities()).extracting(Entity::id).contains("person:juan-gudaio");
        assertThat(told.get(2).entities()).extracting(Entity::id).contains("person:juan-guaido")
                .doesNotContain("person:juan-gudaio");
        assertThat(told.get(1).entities()).extracting(Entity::id).contains("person:juan-guaido");
        assertThat(told.get(2).eventId()).as("a revision is a new event").isNotEqualTo(told.get(0).eventId());
        run.close();
    }

    @Test
    void endsInTheSameAnswersInEveryArrivalOrderAndAfterARebuild() {
        List<ArticleReceived> articles = seedsAndReuters();
        Enricher enricher = enricher();
        Map<String, Final> expected = null;
        Random random = new Random(12);
        for (int order = 0; order < 3; order++) {
            List<ArticleReceived> shuffled = new ArrayList<>(articles);
            if (order > 0) {
                Collections.shuffle(shuffled, random);
            }
            Run run = new Run(enricher);
            shuffled.forEach(run::arrive);
            Map<String, Final> answers = run.finals();
            assertThat(answers).hasSize(articles.size());
            if (expected == null) {
                expected = answers;
            } else {
                assertThat(answers).as("order %d", order).containsExactlyInAnyOrderEntriesOf(expected);
            }
            assertThat(run.rebuiltStories()).as("a memory rebuilt from the held articles, order %d", order)
                    .containsExactlyInAnyOrderEntriesOf(storiesOf(answers));
            run.close();
        }
        assertThat(expected.get("seed-000_e48b20290115f886").entityIds()).contains("person:juan-guaido");
    }

    private static Map<String, String> storiesOf(Map<String, Final> answers) {
        Map<String, String> stories = new TreeMap<>();
        answers.forEach((id, a) -> stories.put(id, a.storyId()));
        return stories;
    }

    /** The seeds, dated like the Reuters stories around them so that one window holds them all, and 40 stories. */
    private static List<ArticleReceived> seedsAndReuters() {
        List<ReutersStory> days = SeedArticles.reutersDays(40);
        Instant from = days.getFirst().date();
        List<ArticleReceived> articles = new ArrayList<>();
        for (ArticleReceived seed : SeedArticles.seeds()) {
            articles.add(SeedArticles.article(seed.articleId(), seed.headline(), seed.paragraphs(), from));
        }
        days.stream().map(SeedArticles::reuters).forEach(articles::add);
        return articles;
    }

    private Enricher enricher() {
        return new Enricher("test", Clock.fixed(NOW, ZoneOffset.UTC), EnrichmentSteps.of(tagging(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private TaggingProperties tagging() {
        return new TaggingProperties(dir.resolve("rules.yaml"), Duration.ofSeconds(2), "", 2, Duration.ofDays(3), 0.125,
                0.2, Duration.ofDays(30), List.of("*"), List.of("place"), 3);
    }

    /** The production topology in a test driver, fed one article a second. */
    private final class Run {
        private final Enricher enricher;
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, ArticleReceived> raw;
        private final TestOutputTopic<String, ArticleEnriched> enriched;
        private final List<ArticleEnriched> told = new ArrayList<>();
        private Instant arrival = NOW;

        Run(Enricher enricher) {
            this.enricher = enricher;
            StreamsBuilder builder = new StreamsBuilder();
            new EnrichmentTopology().enrichment(builder, enricher,
                    new EnrichProperties("test", 3, 3, Duration.ofDays(30), Duration.ofDays(90), null),
                    TagRouting.tagging(List.of()), TagRouting.topics(), new EnrichmentMetrics(new SimpleMeterRegistry()));
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "memory-topology-tests");
            config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            driver = new TopologyTestDriver(builder.build(), config);
            raw = driver.createInputTopic(Topics.ARTICLES_RAW, Serdes.String().serializer(),
                    new CloudEventSerializer<>(serde(ArticleReceived.class).serializer()));
            enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED, Serdes.String().deserializer(),
                    serde(ArticleEnriched.class).deserializer());
        }

        void arrive(ArticleReceived article) {
            arrival = arrival.plusSeconds(1);
            raw.pipeInput(article.articleId(), article, arrival);
        }

        List<ArticleEnriched> told() {
            enriched.readRecordsToList().stream().map(TestRecord::value).forEach(told::add);
            return told;
        }

        /** The last record per article. */
        Map<String, Final> finals() {
            Map<String, Final> finals = new LinkedHashMap<>();
            told().forEach(a -> finals.put(a.articleId(), Final.of(a)));
            return finals;
        }

        /** Each held article's story in a fresh memory restored from the held articles, as the task's init does. */
        Map<String, String> rebuiltStories() {
            WindowStore<String, ArticleFindings.Enriched> held = driver.getWindowStore(Remembering.HELD);
            Memory memory = enricher.newMemory().orElseThrow();
            List<Facts> facts;
            try (KeyValueIterator<Windowed<String>, ArticleFindings.Enriched> all = held.all()) {
                facts = List.copyOf(Remembering.remembered(all));
            }
            facts.forEach(memory::restore);
            memory.expire();
            Map<String, String> stories = new TreeMap<>();
            facts.forEach(f -> stories.put(f.articleId(), memory.answer(f.articleId()).storyId()));
            return stories;
        }

        void close() {
            driver.close();
        }
    }
}
