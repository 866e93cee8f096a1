package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.enrich.streams.EnrichmentTopology.serde;
import static org.newsroom.enrich.streams.VersionGateTests.version;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.routing.RecordingAdmin;
import org.newsroom.enrich.routing.TagRoutes;
import org.newsroom.enrich.routing.TagTopics;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.newsroom.eventheaders.CloudEventSerializer;

/**
 * What {@code memory-publish} writes, on the test driver: the enriched record, a copy of the same bytes in each
 * routed tag topic, and tombstones in the tag topics a correction or a kill left; tag topics created before their
 * first record, once each; nothing routed in a replay run.
 */
class PublishingTests {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    @TempDir
    Path dir;

    private final RecordingAdmin admin = new RecordingAdmin();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleReceived> raw;
    private Instant arrival = NOW;

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void copiesTheEnrichedRecordsBytesAndHeadersToEachRoutedTagTopic() {
        startRouting(List.of("quake", "japan"));
        arrive(version(1, PubStatus.usable, "Quake Japan Tokyo"));

        TestRecord<String, byte[]> enriched = only(Topics.ARTICLES_ENRICHED);
        for (String tag : List.of("quake", "japan")) {
            TestRecord<String, byte[]> copy = only(Topics.tagTopic(tag));
            assertThat(copy.key()).isEqualTo("quake-1");
            assertThat(copy.value()).isEqualTo(enriched.value());
            assertThat(headers(copy)).isEqualTo(headers(enriched)).anyMatch(h -> h.startsWith("ce_type="));
        }
        assertThat(driver.producedTopicNames()).noneMatch(topic -> topic.equals(Topics.tagTopic("tokyo")));
    }

    @Test
    void correctionTombstonesTheTagTopicsItLeftAfterCopyingToTheOthers() {
        startRouting(List.of("quake", "japan", "sendai"));
        arrive(version(1, PubStatus.usable, "Quake Japan"));
        arrive(version(2, PubStatus.usable, "Quake Sendai"));

        assertThat(told(Topics.tagTopic("quake"))).containsExactly("quake-1 v1", "quake-1 v2");
        assertThat(told(Topics.tagTopic("japan"))).containsExactly("quake-1 v1", "quake-1 tombstone");
        assertThat(told(Topics.tagTopic("sendai"))).containsExactly("quake-1 v2");
    }

    @Test
    void killTombstonesEveryTagTopicOfTheLastVersion() {
        startRouting(List.of("quake", "japan"));
        arrive(version(1, PubStatus.usable, "Quake Japan"));
        arrive(version(2, PubStatus.canceled, ""));

        List<TestRecord<String, byte[]>> enriched = records(Topics.ARTICLES_ENRICHED);
        assertThat(enriched.getLast().value()).isNull();
        assertThat(headers(enriched.getLast())).as("a tombstone carries no event").noneMatch(h -> h.startsWith("ce_"));
        assertThat(told(Topics.tagTopic("quake"))).containsExactly("quake-1 v1", "quake-1 tombstone");
        assertThat(told(Topics.tagTopic("japan"))).containsExactly("quake-1 v1", "quake-1 tombstone");
    }

    @Test
    void createsEachTagTopicOnceBeforeItsFirstRecord() {
        startRouting(List.of("quake", "japan", "sendai"));
        arrive(version(1, PubStatus.usable, "Quake Japan"));
        arrive(version(2, PubStatus.usable, "Quake Sendai"));
        arrive(version(3, PubStatus.usable, "Quake Japan Sendai"));

        assertThat(admin.calls).containsExactly(List.of(Topics.tagTopic("quake"), Topics.tagTopic("japan")),
                List.of(Topics.tagTopic("sendai")));
    }

    @Test
    void aReplayRunRoutesNothingWhereTheLiveServiceRoutesTheSeeds() {
        assertThat(tagTopicsWritten(null)).as("live").isNotEmpty();
        int created = admin.calls.size();

        assertThat(tagTopicsWritten("again")).as("replay").isEmpty();
        assertThat(admin.calls).as("admin calls").hasSize(created);
    }

    /** The tag topics the production topology writes for the seeds, with every tag routed, in the run {@code replay}. */
    private List<String> tagTopicsWritten(String replay) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StreamsBuilder builder = new StreamsBuilder();
        TaggingProperties tagging = TagRouting.tagging(dir.resolve("rules.yaml"), List.of("*"));
        new EnrichmentTopology().enrichment(builder, new Enricher("test", clock, EnrichmentSteps.of(tagging, clock)),
                new EnrichProperties("test", 3, 3, Duration.ofDays(30), Duration.ofDays(90), replay), tagging,
                new TagTopics(admin, 3), new EnrichmentMetrics(new SimpleMeterRegistry()));
        if (driver != null) {
            driver.close();
        }
        driver = new TopologyTestDriver(builder.build(), config("publishing-tests-" + (replay == null ? "live" : replay)));
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, Serdes.String().serializer(),
                serde(ArticleReceived.class).serializer());
        Articles.seeds().forEach(this::arrive);
        return driver.producedTopicNames().stream().filter(topic -> topic.startsWith("articles.tag.")).toList();
    }

    private void startRouting(List<String> routedTags) {
        StreamsBuilder builder = new StreamsBuilder();
        Function<ArticleReceived, ArticleEnriched> enrichment = VersionGateTests::taggedByHeadline;
        Publishing.publish(ArticleFlow.withoutMemory(builder,
                        builder.stream(Topics.ARTICLES_RAW, Consumed.with(Serdes.String(), serde(ArticleReceived.class))),
                        enrichment, DedupSettings.defaults(), Duration.ofDays(30), Duration.ofDays(90), false,
                        new EnrichmentMetrics(new SimpleMeterRegistry())),
                Topics.ARTICLES_ENRICHED, new TagRoutes(routedTags, List.of()), new TagTopics(admin, 3),
                (id, article) -> {
                });
        driver = new TopologyTestDriver(builder.build(), config("publishing-tests"));
        // As ingest writes them, with CloudEvents headers, which the topology's records inherit.
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, Serdes.String().serializer(),
                new CloudEventSerializer<>(serde(ArticleReceived.class).serializer()));
    }

    private Properties config(String applicationId) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return config;
    }

    private List<TestRecord<String, byte[]>> records(String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    private TestRecord<String, byte[]> only(String topic) {
        List<TestRecord<String, byte[]>> records = records(topic);
        assertThat(records).as(topic).hasSize(1);
        return records.getFirst();
    }

    /** "key vVersion", or "key tombstone". */
    private List<String> told(String topic) {
        return records(topic).stream().map(r -> r.key() + (r.value() == null ? " tombstone"
                : " v" + serde(ArticleEnriched.class).deserializer().deserialize(topic, r.value()).version())).toList();
    }

    private static List<String> headers(TestRecord<String, byte[]> record) {
        List<String> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(header.key() + "=" + new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return headers;
    }

    private void arrive(ArticleReceived article) {
        arrival = arrival.plusSeconds(1);
        raw.pipeInput(article.articleId(), article, arrival);
    }
}
