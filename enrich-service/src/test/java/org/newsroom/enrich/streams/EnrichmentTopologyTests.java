package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.KafkaRecords;
import org.newsroom.eventheaders.CloudEventHeaders;
import org.newsroom.eventheaders.CloudEventSerializer;

/** The enrichment edge: what goes out on the enriched topic besides the body, and what it counts. */
class EnrichmentTopologyTests {

    private static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");

    @TempDir
    Path state;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleReceived> raw;
    private TestOutputTopic<String, ArticleEnriched> enriched;

    private Topology topology;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        new EnrichmentTopology().enrichment(builder, new Enricher("test", Clock.fixed(NOW, ZoneOffset.UTC)),
                new EnrichProperties("test", 3, 3, Duration.ofDays(30), Duration.ofDays(90), null),
                TagRouting.tagging(List.of("*")), TagRouting.topics(), new EnrichmentMetrics(registry));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrichment-topology-tests");
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        topology = builder.build();
        driver = new TopologyTestDriver(topology, config);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, Serdes.String().serializer(),
                new CloudEventSerializer<>(serde(ArticleReceived.class).serializer()));
        enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED, Serdes.String().deserializer(),
                serde(ArticleEnriched.class).deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void refusesToStartWhenTheMemoryLooksBackFurtherThanTheArticlesItIsRebuiltFrom() {
        EnrichmentTopology.requireMemoryWithinHeldArticles(Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(3));

        assertThatThrownBy(() -> EnrichmentTopology.requireMemoryWithinHeldArticles(
                Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("people-window");
        assertThatThrownBy(() -> EnrichmentTopology.requireMemoryWithinHeldArticles(
                Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(16)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("story-window");
    }

    @Test
    void publishesTheEnrichedArticleAsItsOwnCloudEventWithTheCorrelationIdItArrivedWith() {
        ArticleReceived received = withCorrelationId(Articles.seeds().getFirst(), "desk-42");

        raw.pipeInput(received.articleId(), received);

        TestRecord<String, ArticleEnriched> record = enriched.readRecord();
        assertThat(KafkaRecords.headers(record.headers())).containsEntry(CloudEventHeaders.TYPE, "org.newsroom.article.enriched.v1")
                .containsEntry(CloudEventHeaders.ID, record.value().eventId().toString())
                .containsEntry(CloudEventHeaders.SUBJECT, received.articleId())
                .containsEntry(CloudEventHeaders.CORRELATION_ID, "desk-42")
                .containsEntry(CloudEventHeaders.SOURCE, "/newsroom/enrich-service");
        assertThat(record.headers().headers(CloudEventHeaders.TYPE)).as("the raw event's type is replaced").hasSize(1);
        assertThat(record.value().correlationId()).isEqualTo("desk-42");
    }

    @Test
    void countsPublishedArticlesByDuplicateDecision() {
        ArticleReceived original = Articles.seeds().getFirst();
        ArticleReceived copy = Articles.exactCopyOf(original, "copy-0");

        raw.pipeInput(original.articleId(), original);
        raw.pipeInput(copy.articleId(), copy);

        assertThat(registry.get(EnrichmentMetrics.ARTICLES).tag("dedup", "original").counter().count()).isEqualTo(1);
        assertThat(registry.get(EnrichmentMetrics.ARTICLES).tag("dedup", "exact_duplicate").counter().count())
                .isEqualTo(1);
    }

    @Test
    void runsInTwoHopsStatelessArticlesThenOneMemoryTask() {
        List<TopologyDescription.Subtopology> steps = topology.describe().subtopologies().stream()
                .sorted(Comparator.comparingInt(TopologyDescription.Subtopology::id)).toList();

        assertThat(steps).hasSize(2);
        assertThat(names(steps.get(0))).contains("articles-enrich").doesNotContain("memory-remember");
        assertThat(steps.get(0).nodes()).filteredOn(n -> n instanceof TopologyDescription.Processor)
                .allSatisfy(n -> assertThat(((TopologyDescription.Processor) n).stores()).as(n.name()).isEmpty());
        assertThat(names(steps.get(1))).contains("memory-remember", "memory-publish");
        assertThat(steps.get(1).nodes()).filteredOn(n -> n.name().equals("memory-remember"))
                .singleElement().satisfies(n -> assertThat(((TopologyDescription.Processor) n).stores())
                        .containsExactlyInAnyOrder(Remembering.HELD, VersionGate.VERSIONS));
    }

    private static List<String> names(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream().map(TopologyDescription.Node::name).toList();
    }

    private static ArticleReceived withCorrelationId(ArticleReceived a, String correlationId) {
        return new ArticleReceived(a.eventId(), a.occurredAt(), a.articleId(), a.version(), a.source(), a.format(),
                a.url(), a.guid(), a.headline(), a.paragraphs(), a.publishedAt(), a.byline(), a.dateline(),
                a.language(), a.removed(), a.pubStatus(), correlationId);
    }
}
