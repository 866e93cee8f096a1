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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.EnrichProperties;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.tagging.EnrichmentSteps;
import org.newsroom.enrich.tagging.TaggingProperties;
import org.newsroom.eventheaders.CloudEventSerializer;

/**
 * What the production topology writes to Kafka per article, every topic counted (repartition topics and store
 * changelogs included), for the five seeds and 40 Reuters stories enriched with the bundled models. Issue 12 judges
 * records and bytes per article; each step of docs/enrich-redesign.md lowers the bounds asserted here, and the
 * printed table is the figure docs/benchmarks.md quotes. The per-tag copies (T per article, default routes) are
 * written by the topology too, and are bounded both with and without them.
 */
class TopologyBudgetTests {

    private static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");
    private static final int STORIES = 40;
    private static final String TAG_TOPICS_PREFIX = "articles.tag.";
    private static final String TAG_TOPICS = "articles.tag.*.v1";

    /**
     * Records written per article, the raw record included, tag copies not: raw, findings, held-articles changelog,
     * article-versions changelog, enriched. Stage 0 (four hops: buckets, decisions, versions) measured 62.0; stage 4a
     * (two hops, one memory task) 5.0; stage 4b 5.58, the memory task telling 13 of the 45 articles again when a
     * later one renamed a person or moved a story (an enriched and an article-versions record each).
     */
    private static final double MAX_RECORDS_PER_ARTICLE = 5.6;

    /**
     * Bytes written per article over the raw record's bytes, tag copies not. Stage 0 measured 17.2; stage 4a 7.2, and
     * 5.3 with the article deflated inside the findings and held records; stage 4b 6.9, the findings and held records
     * carrying memory's facts (the article's content words, deflated) and the revisions' records.
     */
    private static final double MAX_BYTES_OVER_RAW = 7.2;

    /**
     * The same with the tag copies, which stage 5 writes inside the topology (every tag of the default schemes
     * routed): T = 3.22 full copies per article, so 8.22 records and 16.0x the raw record's bytes. Before stage 5 the
     * tag router wrote the same copies (copies of the same bytes) outside the topology. Since stage 4b a revised
     * article (a person's id or a story that changed: 13 revisions for these 45 articles) is told again, copies
     * included: 10.04 records and 22.3x. Full copies are what keeps the byte target out of reach (slim copies are
     * the open decision of docs/enrich-redesign.md, stage 5).
     */
    private static final double MAX_RECORDS_PER_ARTICLE_WITH_TAG_COPIES = 10.1;
    private static final double MAX_BYTES_OVER_RAW_WITH_TAG_COPIES = 22.5;

    @TempDir
    Path dir;

    @Test
    void staysWithinTheRecordAndByteBudgetPerArticle() {
        List<ArticleReceived> articles = articles();
        Enricher enricher = new Enricher("budget", Clock.fixed(NOW, ZoneOffset.UTC),
                EnrichmentSteps.of(tagging(), Clock.fixed(NOW, ZoneOffset.UTC)));
        StreamsBuilder builder = new StreamsBuilder();
        new EnrichmentTopology().enrichment(builder, enricher, properties(), tagging(), TagRouting.topics(),
                new EnrichmentMetrics(new SimpleMeterRegistry()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-budget-tests");
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);

        Map<String, long[]> written = new TreeMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.ARTICLES_RAW, new ByteArraySerializer(),
                    new ByteArraySerializer());
            Instant arrival = NOW;
            for (ArticleReceived article : articles) {
                TestRecord<byte[], byte[]> record = event(article, arrival = arrival.plusSeconds(1));
                raw.pipeInput(record);
                add(written, Topics.ARTICLES_RAW, record.key(), record.value(), record.headers());
            }
            for (String topic : driver.producedTopicNames()) {
                // The per-tag topics in one row: how many there are depends on the articles' tags.
                String row = topic.startsWith(TAG_TOPICS_PREFIX) ? TAG_TOPICS : topic;
                for (TestRecord<byte[], byte[]> record : driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()).readRecordsToList()) {
                    add(written, row, record.key(), record.value(), record.headers());
                }
            }
        }

        int n = articles.size();
        long records = written.values().stream().mapToLong(w -> w[0]).sum();
        long bytes = written.values().stream().mapToLong(w -> w[1]).sum();
        double rawBytes = (double) written.get(Topics.ARTICLES_RAW)[1] / n;
        System.out.printf("[topology-budget] %d articles (5 seeds, %d Reuters stories)%n", n, n - 5);
        written.forEach((topic, w) -> System.out.printf("[topology-budget] %-62s %6.2f records %9.0f bytes per article%n",
                topic, (double) w[0] / n, (double) w[1] / n));
        long[] tags = written.getOrDefault(TAG_TOPICS, new long[2]);
        System.out.printf("[topology-budget] topology: %.2f records, %.0f bytes per article (%.1fx the raw record's %.0f)"
                        + "; of which tag copies: T = %.2f records, %.0f bytes per article; without them %.2f records,"
                        + " %.1fx%n", (double) records / n, (double) bytes / n, bytes / n / rawBytes, rawBytes,
                (double) tags[0] / n, (double) tags[1] / n, (double) (records - tags[0]) / n,
                (bytes - tags[1]) / n / rawBytes);

        assertThat(written.get(Topics.ARTICLES_ENRICHED)[0]).as("every article told, some again when revised")
                .isBetween((long) n, 2L * n);
        assertThat(tags[0]).as("tag copies, written inside the topology").isPositive();
        assertThat((double) (records - tags[0]) / n).as("records per article, tag copies aside")
                .isLessThanOrEqualTo(MAX_RECORDS_PER_ARTICLE);
        assertThat((bytes - tags[1]) / n / rawBytes).as("bytes per article over the raw record's, tag copies aside")
                .isLessThanOrEqualTo(MAX_BYTES_OVER_RAW);
        assertThat((double) records / n).as("records per article").isLessThanOrEqualTo(MAX_RECORDS_PER_ARTICLE_WITH_TAG_COPIES);
        assertThat(bytes / n / rawBytes).as("bytes per article over the raw record's")
                .isLessThanOrEqualTo(MAX_BYTES_OVER_RAW_WITH_TAG_COPIES);
    }

    private static void add(Map<String, long[]> written, String topic, byte[] key, byte[] value, Headers headers) {
        long[] w = written.computeIfAbsent(topic, t -> new long[2]);
        w[0]++;
        w[1] += size(key, value, headers);
    }

    /** Key, value and headers, as a record takes them before compression and framing. */
    private static long size(byte[] key, byte[] value, Headers headers) {
        long size = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        for (Header header : headers) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    /** The seeds, then distinct Reuters stories of 4+ paragraphs, one publication a minute. */
    private static List<ArticleReceived> articles() {
        List<ArticleReceived> articles = new ArrayList<>(Articles.seeds());
        Set<String> bodies = new HashSet<>();
        for (ReutersStory s : Reuters21578.read(Path.of("..", "data", "reuters21578"))) {
            if (s.paragraphs().size() >= 4 && bodies.add(s.body()) && articles.size() < 5 + STORIES) {
                articles.add(Articles.article("reuters-" + s.newId(), "reuters",
                        Articles.FIRST_PUBLISHED.plusSeconds(60L * articles.size()), s.title(), s.paragraphs()));
            }
        }
        return articles;
    }

    private TaggingProperties tagging() {
        return TagRouting.tagging(dir.resolve("rules.yaml"), List.of("*"));
    }

    private static EnrichProperties properties() {
        return new EnrichProperties("budget", 3, 3, Duration.ofDays(30), Duration.ofDays(90), null);
    }

    /** An article as ingest publishes it: CloudEvents headers, JSON body, keyed by its id. */
    private static TestRecord<byte[], byte[]> event(ArticleReceived article, Instant at) {
        Headers headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer<>(serde(ArticleReceived.class).serializer())
                .serialize(Topics.ARTICLES_RAW, headers, article);
        return new TestRecord<>(article.articleId().getBytes(java.nio.charset.StandardCharsets.UTF_8), value, headers, at);
    }
}
