package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Enrichment;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.corrections.LastVersion;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.routing.DroppedTags;

/**
 * The whole output of the topology for versions and kills of one agency item: what subscribers of
 * {@code articles.enriched.v1} see, values and the dropped-tags header included.
 */
class VersionGateTests {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);

    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleReceived> raw;
    private TestOutputTopic<String, ArticleEnriched> enriched;
    private Instant arrival = NOW;

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void correctionReplacesTheArticleUnderItsKeyAndNamesTheTagsItDropped() {
        startWith(VersionGateTests::taggedByHeadline);
        arrive(version(1, PubStatus.usable, "Quake Japan"));
        arrive(version(2, PubStatus.usable, "Quake Sendai"));

        assertThat(told()).containsExactly("quake-1 v1 Quake Japan dropped []", "quake-1 v2 Quake Sendai dropped [Japan]");
    }

    @Test
    void staleVersionArrivingAfterANewerOneIsNotEmitted() {
        startWith(VersionGateTests::taggedByHeadline);
        arrive(version(2, PubStatus.usable, "Quake Sendai"));
        arrive(version(1, PubStatus.usable, "Quake Japan"));

        assertThat(told()).containsExactly("quake-1 v2 Quake Sendai dropped []");
    }

    @Test
    void killsAreNotEnriched() {
        List<String> enriched = new ArrayList<>();
        startWith(article -> {
            enriched.add("v" + article.version());
            return taggedByHeadline(article);
        });
        arrive(version(2, PubStatus.usable, "Quake Sendai"));
        arrive(version(3, PubStatus.canceled, ""));

        assertThat(enriched).containsExactly("v2");
    }

    @Test
    void staleVersionNeverEntersTheDedupMemory() {
        startWithDedup();
        List<ArticleReceived> seeds = Articles.seeds();
        ArticleReceived earlierCopy = Articles.article("mirror-0", "mirror", seeds.get(0).publishedAt().minusSeconds(3600),
                seeds.get(0).headline(), seeds.get(0).paragraphs());
        arrive(seeds.get(0));
        arrive(versionOf(earlierCopy, 2, PubStatus.usable, seeds.get(1).headline(), seeds.get(1).paragraphs()));
        arrive(earlierCopy);

        // Had the stale v1 been remembered, seed-0 would be re-emitted as its copy.
        assertThat(decisions()).containsExactly("seed-0 v1 original of seed-0", "mirror-0 v2 original of mirror-0");
    }

    @Test
    void killBecomesATombstoneNamingEveryTagOfTheLastVersion() {
        startWith(VersionGateTests::taggedByHeadline);
        arrive(version(1, PubStatus.usable, "Quake Japan"));
        arrive(version(2, PubStatus.canceled, ""));

        assertThat(told()).containsExactly("quake-1 v1 Quake Japan dropped []", "quake-1 tombstone dropped [Quake, Japan]");
    }

    @Test
    void killedArticleIsNotRevivedByALateVersionOrARedeliveryAtTheKillsVersion() {
        startWith(VersionGateTests::taggedByHeadline);
        arrive(version(2, PubStatus.canceled, ""));
        arrive(version(1, PubStatus.usable, "Quake Japan"));
        arrive(version(2, PubStatus.usable, "Quake Japan"));

        assertThat(told()).containsExactly("quake-1 tombstone dropped []");
    }

    @Test
    void withheldArticleComesBackWithAHigherUsableVersion() {
        startWith(VersionGateTests::taggedByHeadline);
        arrive(version(1, PubStatus.usable, "Quake Japan"));
        arrive(version(2, PubStatus.withheld, ""));
        arrive(version(3, PubStatus.usable, "Quake Japan"));

        assertThat(told()).containsExactly("quake-1 v1 Quake Japan dropped []", "quake-1 tombstone dropped [Quake, Japan]",
                "quake-1 v3 Quake Japan dropped []");
    }

    @Test
    void forgetsArticlesNotWrittenForTheRetentionAndRemembersTheOthers() {
        startWith(VersionGateTests::taggedByHeadline);
        arrive(version("killed-early", 1, PubStatus.canceled));
        arrive(version("corrected-later", 1, PubStatus.usable));
        driver.advanceWallClockTime(Duration.ofDays(60));
        arrive(version("corrected-later", 2, PubStatus.usable));
        driver.advanceWallClockTime(Duration.ofDays(31));

        assertThat(remembered(VersionGate.VERSIONS)).containsExactly("corrected-later v2");
        arrive(version("corrected-later", 1, PubStatus.usable));
        assertThat(told()).as("the article still remembered refuses its stale version").containsExactly(
                "killed-early tombstone dropped []", "corrected-later v1 Quake dropped []",
                "corrected-later v2 Quake dropped []");
    }

    @Test
    void staleVersionArrivingAfterTheRetentionIsTakenAsNew() {
        startWith(VersionGateTests::taggedByHeadline);
        arrive(version(2, PubStatus.usable, "Quake Sendai"));
        driver.advanceWallClockTime(RETENTION.plus(VersionRetention.INTERVAL));
        arrive(version(1, PubStatus.usable, "Quake Japan"));

        // Elasticsearch still refuses it (version_type external_gte): the index keeps v2.
        assertThat(told()).containsExactly("quake-1 v2 Quake Sendai dropped []", "quake-1 v1 Quake Japan dropped []");
    }

    @Test
    void correctionIsNotJudgedADuplicateOfItsOwnEarlierVersion() {
        startWithDedup();
        ArticleReceived seed = Articles.seeds().getFirst();
        List<String> corrected = new ArrayList<>(seed.paragraphs());
        corrected.set(1, corrected.get(1) + " (Corrects the number of delegates.)");
        arrive(seed);
        arrive(versionOf(seed, 2, PubStatus.usable, "Corrected: " + seed.headline(), corrected));

        assertThat(decisions()).containsExactly("seed-0 v1 original of seed-0", "seed-0 v2 original of seed-0");
    }

    @Test
    void correctionThatIsNoLongerACopyIsDecidedAfresh() {
        startWithDedup();
        List<ArticleReceived> seeds = Articles.seeds();
        ArticleReceived copy = Articles.exactCopyOf(seeds.get(0), "mirror-0");
        arrive(seeds.get(0));
        arrive(copy);
        arrive(versionOf(copy, 2, PubStatus.usable, seeds.get(1).headline(), seeds.get(1).paragraphs().subList(0, 3)));

        assertThat(decisions()).containsExactly("seed-0 v1 original of seed-0", "mirror-0 v1 exact_duplicate of seed-0",
                "mirror-0 v2 original of mirror-0");
    }

    private void startWithDedup() {
        startWith(new Enricher("test", Clock.fixed(NOW, ZoneOffset.UTC))::enrich);
    }

    private List<String> decisions() {
        return enriched.readRecordsToList().stream().map(r -> r.key() + " v" + r.value().version() + " "
                + r.value().dedup().status() + " of " + r.value().dedup().canonicalId()).toList();
    }

    private void startWith(Function<ArticleReceived, ArticleEnriched> enrichment) {
        StreamsBuilder builder = new StreamsBuilder();
        TopologyRun run = TopologyRun.start("version-gate-tests", builder, input -> ArticleFlow.withoutMemory(builder, input,
                enrichment, DedupSettings.defaults(), Duration.ofDays(30), RETENTION, false,
                new EnrichmentMetrics(new SimpleMeterRegistry())));
        driver = run.driver();
        raw = run.raw();
        enriched = run.enriched();
    }

    /** Stands in for enrichment: one tag per headline word, so a test chooses the tags by the headline. */
    static ArticleEnriched taggedByHeadline(ArticleReceived article) {
        return ArticleEnriched.of(article, new Enrichment("test",
                Arrays.stream(article.headline().split(" ")).map(w -> new Tag("word:" + w, w, "rule", 1, List.of())).toList(),
                List.of(), Dedup.originalOf(article.articleId(), "none"), article.articleId()), NOW);
    }

    private void arrive(ArticleReceived article) {
        arrival = arrival.plusSeconds(1);
        raw.pipeInput(article.articleId(), article, arrival);
    }

    /** What the gate's store holds, as "article vVersion". */
    private List<String> remembered(String store) {
        List<String> entries = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<LastVersion>> all =
                     driver.<String, LastVersion>getTimestampedKeyValueStore(store).all()) {
            all.forEachRemaining((KeyValue<String, ValueAndTimestamp<LastVersion>> entry) ->
                    entries.add(entry.key + " v" + entry.value.value().version()));
        }
        return entries;
    }

    private List<String> told() {
        return enriched.readRecordsToList().stream().map(VersionGateTests::told).toList();
    }

    private static String told(TestRecord<String, ArticleEnriched> record) {
        String what = record.value() == null ? "tombstone"
                : "v" + record.value().version() + " " + record.value().headline();
        return record.key() + " " + what + " dropped " + DroppedTags.of(record.headers()).stream().map(Tag::label).toList();
    }

    /** Version {@code version} of agency item quake-1. */
    static ArticleReceived version(int version, PubStatus status, String headline) {
        ArticleReceived first = Articles.article("quake-1", "wire", NOW, "Quake", List.of("A strong quake shook the north."));
        return versionOf(first, version, status, headline, status.shown() ? first.paragraphs() : List.of());
    }

    private static ArticleReceived version(String articleId, int version, PubStatus status) {
        ArticleReceived first = Articles.article(articleId, "wire", NOW, "Quake",
                List.of("A strong quake shook the north."));
        return versionOf(first, version, status, first.headline(), status.shown() ? first.paragraphs() : List.of());
    }

    private static ArticleReceived versionOf(ArticleReceived article, int version, PubStatus status, String headline,
                                             List<String> paragraphs) {
        return new ArticleReceived(UUID.randomUUID(), article.occurredAt(), article.articleId(), version,
                article.source(), article.format(), article.url(), article.guid(), headline, paragraphs,
                article.publishedAt(), article.byline(), article.dateline(), article.language(), article.removed(),
                status, article.correlationId());
    }
}
