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
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.SeedArticles;
import org.newsroom.enrich.corrections.LastVersion;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.newsroom.eventheaders.CloudEventSerializer;

/**
 * People and stories in the memory task: an earlier article whose answers a later one changes is told again, as an
 * event of its own, and what subscribers end up with (the last record per article) depends on the set of articles,
 * not on their arrival order, nor on the task restarting from its stores.
 */
class MemoryTopologyTests {

    private static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Duration RETENTION = Duration.ofDays(90);
    /** Event ids differ by design; the last records are compared on everything else. */
    private static final UUID ANY_EVENT = new UUID(0, 0);

    @TempDir
    Path dir;

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
    void endsWithTheSameLastRecordPerArticleInEveryArrivalOrder() {
        List<ArticleReceived> articles = seedsAndReuters();
        Enricher enricher = enricher();
        Map<String, ArticleEnriched> expected = null;
        Random random = new Random(12);
        for (int order = 0; order < 3; order++) {
            List<ArticleReceived> shuffled = new ArrayList<>(articles);
            if (order > 0) {
                Collections.shuffle(shuffled, random);
            }
            Run run = new Run(enricher);
            shuffled.forEach(run::arrive);
            List<ArticleEnriched> told = run.told();
            assertThat(told).extracting(a -> a.articleId() + "/" + a.eventId()).as("events, order %d", order)
                    .doesNotHaveDuplicates();
            assertNoRecordRepeatsTheAnswersBeforeIt(told);
            Map<String, ArticleEnriched> last = lastPerArticle(told);
            assertThat(last).hasSize(articles.size());
            if (expected == null) {
                expected = last;
            } else {
                assertThat(last).as("order %d", order).containsExactlyInAnyOrderEntriesOf(expected);
            }
            run.close();
        }
        assertThat(expected.get("seed-000_e48b20290115f886").entities()).extracting(Entity::id)
                .contains("person:juan-guaido").doesNotContain("person:juan-gudaio");
    }

    @Test
    void aTaskRestartedFromItsStoresTellsWhatAnUninterruptedOneTells() {
        Enricher enricher = enricher();
        Fingerprinter fingerprinter = new Fingerprinter(DedupSettings.defaults());
        List<ArticleReceived> articles = new ArrayList<>(seedsAndReuters());
        Collections.shuffle(articles, new Random(5));
        // The findings are worked out once: both runs see the very same records, as a restarted task would.
        List<TestRecord<String, ArticleFindings>> findings = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            ArticleReceived article = articles.get(i);
            findings.add(new TestRecord<>(article.articleId(), ArticleFlow.findings(article.articleId(), article,
                    enricher::draft, fingerprinter), NOW.plusSeconds(i)));
        }

        Task once = new Task(enricher);
        List<KeyValue<String, ArticleEnriched>> uninterrupted = once.process(findings);
        once.close();
        Task task = new Task(enricher);
        List<KeyValue<String, ArticleEnriched>> restarted = new ArrayList<>();
        int third = findings.size() / 3;
        restarted.addAll(task.process(findings.subList(0, third)));
        restarted.addAll(task.restarted().process(findings.subList(third, 2 * third)));
        restarted.addAll(task.restarted().process(findings.subList(2 * third, findings.size())));

        // The memory and the index are rebuilt as they were, and the told counts (hence the event ids) carry on.
        assertThat(restarted).hasSameSizeAs(uninterrupted);
        for (int i = 0; i < uninterrupted.size(); i++) {
            assertThat(restarted.get(i).key).isEqualTo(uninterrupted.get(i).key);
            assertThat(restarted.get(i).value).as("record %d", i).isEqualTo(uninterrupted.get(i).value);
        }
        task.close();
        assertThat(uninterrupted.size()).as("revisions were told").isGreaterThan(findings.size());
    }

    @Test
    void aRevisionThatWouldRepeatTheAnswersLastToldIsNotTold() {
        Enricher enricher = enricher();
        Fingerprinter fingerprinter = new Fingerprinter(DedupSettings.defaults());
        List<ArticleReceived> seeds = SeedArticles.seeds();
        List<TestRecord<String, ArticleFindings>> findings = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ArticleReceived seed = seeds.get(i);
            findings.add(new TestRecord<>(seed.articleId(), ArticleFlow.findings(seed.articleId(), seed, enricher::draft,
                    fingerprinter), NOW.plusSeconds(i)));
        }
        Task elsewhere = new Task(enricher);
        ArticleEnriched revised = elsewhere.process(findings).getLast().value;
        elsewhere.close();
        assertThat(revised.articleId()).as("the second seed revises the first").isEqualTo(seeds.get(0).articleId());
        Task task = new Task(enricher);
        List<KeyValue<String, ArticleEnriched>> told = new ArrayList<>(task.process(findings.subList(0, 1)));
        // Say subscribers were already told seed 000 with the answers it is about to be revised to: the revision the
        // second seed causes would only repeat them.
        LastVersion last = task.versions.get(revised.articleId()).value();
        task.versions.put(revised.articleId(), ValueAndTimestamp.make(
                LastVersion.of(last.version(), last.pubStatus(), revised.tags(), last.told(), LastVersion.answersOf(revised)), 0));

        told.addAll(task.process(findings.subList(1, 2)));

        assertThat(told).extracting(kv -> kv.key).containsExactly(seeds.get(0).articleId(), seeds.get(1).articleId());
        task.close();
    }

    /** Every record after an article's first tells something new about it. */
    private static void assertNoRecordRepeatsTheAnswersBeforeIt(List<ArticleEnriched> told) {
        Map<String, Long> answers = new LinkedHashMap<>();
        for (ArticleEnriched article : told) {
            long now = LastVersion.answersOf(article);
            Long before = answers.put(article.articleId(), now);
            assertThat(before == null || before != now).as("%s told again with the same answers", article.articleId())
                    .isTrue();
        }
    }

    private static Map<String, ArticleEnriched> lastPerArticle(List<ArticleEnriched> told) {
        Map<String, ArticleEnriched> last = new LinkedHashMap<>();
        told.forEach(a -> last.put(a.articleId(), a.withEventId(ANY_EVENT)));
        return last;
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
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, ArticleReceived> raw;
        private final TestOutputTopic<String, ArticleEnriched> enriched;
        private final List<ArticleEnriched> told = new ArrayList<>();
        private Instant arrival = NOW;

        Run(Enricher enricher) {
            StreamsBuilder builder = new StreamsBuilder();
            new EnrichmentTopology().enrichment(builder, enricher,
                    new EnrichProperties("test", 3, 3, WINDOW, RETENTION, null),
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

        void close() {
            driver.close();
        }
    }

    /**
     * The memory task's processor alone in a test driver, on stores that outlive it as the changelogs make them
     * outlive a task: {@link #restarted} puts in a new processor, which starts as the task does after a restart or a
     * failover (the driver commits, so flushes the stores, after every record).
     */
    private final class Task implements AutoCloseable {
        private final Enricher enricher;
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, ArticleFindings> input;
        private final TestOutputTopic<String, ArticleEnriched> output;
        private final KeyValueStore<String, ValueAndTimestamp<LastVersion>> versions;
        private ProcessorContext<String, ArticleEnriched> context;
        private Remembering remembering;

        Task(Enricher enricher) {
            this.enricher = enricher;
            StreamsBuilder builder = new StreamsBuilder();
            builder.addStateStore(Remembering.heldStore(WINDOW, false));
            builder.addStateStore(VersionGate.store(false));
            builder.stream("findings", Consumed.with(Serdes.String(), InternalSerdes.findings()))
                    .process(Slot::new, Remembering.HELD, VersionGate.VERSIONS)
                    .to("told", Produced.with(Serdes.String(), serde(ArticleEnriched.class)));
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "memory-task-tests");
            config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("task-state").toString());
            driver = new TopologyTestDriver(builder.build(), config);
            input = driver.createInputTopic("findings", Serdes.String().serializer(), InternalSerdes.findings().serializer());
            output = driver.createOutputTopic("told", Serdes.String().deserializer(),
                    serde(ArticleEnriched.class).deserializer());
            versions = driver.getTimestampedKeyValueStore(VersionGate.VERSIONS);
        }

        /** Where the driver's processor would be: whichever {@link Remembering} is current. */
        private final class Slot implements Processor<String, ArticleFindings, String, ArticleEnriched> {

            @Override
            public void init(ProcessorContext<String, ArticleEnriched> taskContext) {
                context = taskContext;
            }

            @Override
            public void process(Record<String, ArticleFindings> record) {
                if (remembering == null) {
                    // Stores are reachable only while the driver runs this node: the restart happens here.
                    remembering = new Remembering(DedupSettings.defaults(), WINDOW, RETENTION, enricher,
                            new EnrichmentMetrics(new SimpleMeterRegistry()));
                    remembering.init(context);
                }
                remembering.process(record);
            }
        }

        /** The next record meets a new processor, which starts from the stores as they are. */
        Task restarted() {
            remembering = null;
            return this;
        }

        List<KeyValue<String, ArticleEnriched>> process(List<TestRecord<String, ArticleFindings>> findings) {
            findings.forEach(input::pipeInput);
            return output.readKeyValuesToList();
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
