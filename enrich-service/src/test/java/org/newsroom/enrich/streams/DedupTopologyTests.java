package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.enrich.streams.Articles.exactCopyOf;
import static org.newsroom.enrich.streams.Articles.seeds;
import static org.newsroom.enrich.streams.Articles.trimmedCopyOf;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.DedupSettings;

/** The whole output of the topology's dedup, record by record, for given arrivals. */
class DedupTopologyTests {

    private static final Duration WINDOW = Duration.ofDays(30);

    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleReceived> raw;
    private TestOutputTopic<String, ArticleEnriched> enriched;
    private Instant arrival = Instant.parse("2019-05-06T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        Enricher enricher = new Enricher("test", Clock.fixed(arrival, ZoneOffset.UTC));
        TopologyRun run = TopologyRun.start("dedup-topology-tests", builder, input ->
                ArticleFlow.of(builder, input, enricher, DedupSettings.defaults(), WINDOW, WINDOW, false,
                        new EnrichmentMetrics(registry)));
        driver = run.driver();
        raw = run.raw();
        enriched = run.enriched();
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void emitsEachSeedOnceAsAnOriginal() {
        seeds().forEach(this::arrive);

        assertThat(decisions()).containsExactly(
                "seed-0 original of seed-0 by minhash-lsh", "seed-1 original of seed-1 by minhash-lsh",
                "seed-2 original of seed-2 by minhash-lsh", "seed-3 original of seed-3 by minhash-lsh",
                "seed-4 original of seed-4 by minhash-lsh");
    }

    @Test
    void emitsLaterCopiesOncePointingAtTheirEarliestPublishedOriginal() {
        List<ArticleReceived> seeds = seeds();
        seeds.forEach(this::arrive);
        enriched.readRecordsToList();
        arrive(trimmedCopyOf(seeds.get(0), "trimmed-0"));
        arrive(exactCopyOf(seeds.get(1), "mirror-1"));

        assertThat(decisions()).containsExactly(
                "trimmed-0 near_duplicate of seed-0 by minhash-lsh",
                "mirror-1 exact_duplicate of seed-1 by content-hash");
    }

    @Test
    void reEmitsCopiesWhenTheirEarlierOriginalArrivesAfterThem() {
        ArticleReceived original = seeds().getFirst();
        arrive(trimmedCopyOf(original, "trimmed-0"));
        arrive(exactCopyOf(original, "mirror-0"));
        arrive(original);

        // Each article's decisions come in order; the order between articles is the order their matches are found.
        List<String> decisions = decisions();
        assertThat(decisions).filteredOn(d -> d.startsWith("trimmed-0 ")).containsExactly(
                "trimmed-0 original of trimmed-0 by minhash-lsh",
                "trimmed-0 near_duplicate of mirror-0 by minhash-lsh",
                "trimmed-0 near_duplicate of seed-0 by minhash-lsh");
        assertThat(decisions).filteredOn(d -> d.startsWith("mirror-0 ")).containsExactly(
                "mirror-0 original of mirror-0 by minhash-lsh",
                "mirror-0 exact_duplicate of seed-0 by content-hash");
        assertThat(decisions).filteredOn(d -> d.startsWith("seed-0 ")).containsExactly(
                "seed-0 original of seed-0 by minhash-lsh");
        assertThat(decisions).hasSize(6);
        assertThat(registry.get(EnrichmentMetrics.REVISIONS).tag("cause", "dedup").counter().count())
                .as("trimmed-0 twice, mirror-0 once").isEqualTo(3);
    }

    @Test
    void aReEmittedDecisionIsANewEventWithItsOwnId() {
        ArticleReceived original = seeds().getFirst();
        arrive(exactCopyOf(original, "mirror-0"));
        arrive(original);

        List<ArticleEnriched> mirror = enriched.readRecordsToList().stream().map(TestRecord::value)
                .filter(a -> a.articleId().equals("mirror-0")).toList();
        assertThat(mirror).extracting(a -> a.dedup().status())
                .containsExactly(DedupStatus.original, DedupStatus.exact_duplicate);
        assertThat(mirror.get(1).eventId()).isNotEqualTo(mirror.get(0).eventId());
    }

    @Test
    void reEmitsARedeliveredArticleWithTheDecisionItAlreadyHad() {
        ArticleReceived original = seeds().getFirst();
        arrive(original);
        arrive(exactCopyOf(original, "mirror-0"));
        arrive(exactCopyOf(original, "mirror-0"));

        assertThat(decisions()).containsExactly(
                "seed-0 original of seed-0 by minhash-lsh",
                "mirror-0 exact_duplicate of seed-0 by content-hash",
                "mirror-0 exact_duplicate of seed-0 by content-hash");
    }

    @Test
    void treatsACopyArrivingAfterTheWindowAsAnOriginal() {
        ArticleReceived original = seeds().getFirst();
        arrive(original);
        arrival = arrival.plus(WINDOW).plus(Duration.ofDays(1));
        arrive(exactCopyOf(original, "mirror-0"));

        assertThat(decisions()).containsExactly(
                "seed-0 original of seed-0 by minhash-lsh",
                "mirror-0 original of mirror-0 by minhash-lsh");
    }

    @Test
    void emitsAnArticleWithoutBodyAtOnceAsAnOriginal() {
        arrive(Articles.article("photo-1", "wire", Articles.FIRST_PUBLISHED, "Picture of the day", List.of()));

        assertThat(decisions()).containsExactly("photo-1 original of photo-1 by minhash-lsh");
    }

    private void arrive(ArticleReceived article) {
        arrival = arrival.plusSeconds(1);
        raw.pipeInput(article.articleId(), article, arrival);
    }

    private List<String> decisions() {
        return enriched.readRecordsToList().stream().map(r -> {
            assertThat(r.key()).isEqualTo(r.value().articleId());
            return r.key() + " " + r.value().dedup().status() + " of " + r.value().dedup().canonicalId()
                    + " by " + r.value().dedup().method();
        }).toList();
    }
}
