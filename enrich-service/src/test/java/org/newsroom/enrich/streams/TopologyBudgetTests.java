package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
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
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.ControlRecordType;
import org.apache.kafka.common.record.EndTransactionMarker;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
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

/**
 * What the production topology writes to Kafka per article, every topic counted (repartition topics and store
 * changelogs included), for the five seeds and 40 Reuters stories enriched with the bundled models, as the broker
 * stores it: each commit's records of a partition as one zstd record batch, built by Kafka's own
 * {@link MemoryRecords} builder the way the producer builds it, plus a commit marker per partition written. Issue
 * 12 judges records and bytes per article (bytes against the raw record as serialised); each step of
 * docs/enrich-redesign.md lowers the bounds asserted here, and the printed table is the figure docs/benchmarks.md
 * quotes. The per-tag copies (T per article, default routes) are
 * written by the topology too, and are bounded both with and without them.
 */
class TopologyBudgetTests {

    private static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");
    private static final int STORIES = 40;
    private static final String TAG_TOPICS_PREFIX = "articles.tag.";
    private static final String TAG_TOPICS = "articles.tag.*.v1";

    /**
     * Arrivals per exactly-once commit: 100 articles/s at {@code commit.interval.ms: 100}. The producer compresses
     * each commit's records of a partition as one batch, so the stored bytes depend on it (one arrival per commit is
     * the least compression: a light load).
     */
    private static final int ARRIVALS_PER_COMMIT = 10;

    /** A commit (or abort) marker, one control batch per partition a transaction wrote to. */
    private static final int MARKER_BYTES = MemoryRecords.withEndTransactionMarker(0L, 0L, (short) 0,
            new EndTransactionMarker(ControlRecordType.COMMIT, 0)).sizeInBytes();

    /**
     * Records written per article, the raw record included, tag copies not: raw, findings, held-articles changelog,
     * article-versions changelog, enriched. Stage 0 (four hops: buckets, decisions, versions) measured 62.0; stage 4a
     * (two hops, one memory task) 5.0; stage 4b 5.58, the memory task telling 13 of the 45 articles again when a
     * later one renamed a person or moved a story (an enriched and an article-versions record each).
     */
    private static final double MAX_RECORDS_PER_ARTICLE = 5.6;

    /**
     * Bytes stored per article (zstd batches as the producer writes them, commit markers included) over the raw
     * record's serialised bytes, tag copies not. Until session 5 this counted records uncompressed: stage 0 17.2,
     * stage 4a 7.2 (5.3 with the article deflated inside the findings and held records), stage 4b 6.9. Counted as
     * stored, format 3 (article and memo deflated one by one, memory's facts in the memo, the signature held)
     * measures 4.24; format 4 (plain JSON inside, compressed by the batch; no facts in the memo; no signature in
     * held-articles) 2.62.
     */
    private static final double MAX_BYTES_OVER_RAW = 2.7;

    /**
     * The same with the tag copies, which stage 5 writes inside the topology (every tag of the default schemes
     * routed; T = 4.29 full copies per article here), before session 6 counted uncompressed: 8.22 records and 16.0x
     * the raw record's bytes, 10.04 records and 22.3x once revised articles were told again (stage 4b). As stored,
     * format 3 measures 9.64 records and 8.2x, format 4 6.6x. Full copies are what keeps the byte target out of
     * reach with every tag routed (slim copies are the open decision of docs/enrich-redesign.md, stage 5); the
     * service's default routes only the newsroom's own rules.
     */
    private static final double MAX_RECORDS_PER_ARTICLE_WITH_TAG_COPIES = 10.1;
    private static final double MAX_BYTES_OVER_RAW_WITH_TAG_COPIES = 6.7;

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
            for (int from = 0; from < articles.size(); from += ARRIVALS_PER_COMMIT) {
                List<TestRecord<byte[], byte[]>> arrivals = new ArrayList<>();
                for (ArticleReceived article : articles.subList(from, Math.min(articles.size(), from + ARRIVALS_PER_COMMIT))) {
                    TestRecord<byte[], byte[]> record = Articles.rawEvent(article, arrival = arrival.plusSeconds(1));
                    raw.pipeInput(record);
                    arrivals.add(record);
                }
                add(written, Topics.ARTICLES_RAW, arrivals, false);
                for (String topic : driver.producedTopicNames()) {
                    add(written, topic, driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                            new ByteArrayDeserializer()).readRecordsToList(), true);
                }
            }
        }

        int n = articles.size();
        long records = written.values().stream().mapToLong(w -> w[0]).sum();
        long bytes = written.values().stream().mapToLong(w -> w[2]).sum();
        double rawBytes = (double) written.get(Topics.ARTICLES_RAW)[1] / n;
        System.out.printf("[topology-budget] %d articles (5 seeds, %d Reuters stories), %d arrivals per commit%n", n,
                n - 5, ARRIVALS_PER_COMMIT);
        System.out.printf("[topology-budget] %-62s %7s %11s %11s%n", "topic, per article", "records", "serialised",
                "stored");
        written.forEach((topic, w) -> System.out.printf("[topology-budget] %-62s %7.2f %9.0f B %9.0f B%n",
                topic, (double) w[0] / n, (double) w[1] / n, (double) w[2] / n));
        long[] tags = written.getOrDefault(TAG_TOPICS, new long[3]);
        System.out.printf("[topology-budget] topology: %.2f records, %.0f bytes stored per article (%.1fx the raw record's"
                        + " %.0f serialised); of which tag copies: T = %.2f records, %.0f bytes per article; without them"
                        + " %.2f records, %.0f bytes, %.2fx%n", (double) records / n, (double) bytes / n,
                bytes / n / rawBytes, rawBytes, (double) tags[0] / n, (double) tags[2] / n,
                (double) (records - tags[0]) / n, (double) (bytes - tags[2]) / n, (bytes - tags[2]) / n / rawBytes);

        assertThat(written.get(Topics.ARTICLES_ENRICHED)[0]).as("every article told, some again when revised")
                .isBetween((long) n, 2L * n);
        assertThat(tags[0]).as("tag copies, written inside the topology").isPositive();
        assertThat((double) (records - tags[0]) / n).as("records per article, tag copies aside")
                .isLessThanOrEqualTo(MAX_RECORDS_PER_ARTICLE);
        assertThat((bytes - tags[2]) / n / rawBytes).as("bytes per article over the raw record's, tag copies aside")
                .isLessThanOrEqualTo(MAX_BYTES_OVER_RAW);
        assertThat((double) records / n).as("records per article").isLessThanOrEqualTo(MAX_RECORDS_PER_ARTICLE_WITH_TAG_COPIES);
        assertThat(bytes / n / rawBytes).as("bytes per article over the raw record's")
                .isLessThanOrEqualTo(MAX_BYTES_OVER_RAW_WITH_TAG_COPIES);
    }

    /**
     * One commit's records of {@code topic}: counted, and stored as the broker stores them, one zstd batch per
     * partition written (the producer's default partitioner), plus a commit marker per partition when written in the
     * topology's transaction.
     */
    private static void add(Map<String, long[]> written, String topic, List<TestRecord<byte[], byte[]>> records,
                            boolean transactional) {
        if (records.isEmpty()) {
            return;
        }
        // The per-tag topics in one row: how many there are depends on the articles' tags.
        long[] w = written.computeIfAbsent(topic.startsWith(TAG_TOPICS_PREFIX) ? TAG_TOPICS : topic, t -> new long[3]);
        Map<Integer, List<TestRecord<byte[], byte[]>>> partitions = new TreeMap<>();
        for (TestRecord<byte[], byte[]> record : records) {
            w[0]++;
            w[1] += size(record.key(), record.value(), record.headers());
            partitions.computeIfAbsent(partition(topic, record.key()), p -> new ArrayList<>()).add(record);
        }
        for (List<TestRecord<byte[], byte[]>> batch : partitions.values()) {
            w[2] += stored(batch) + (transactional ? MARKER_BYTES : 0);
        }
    }

    /** The partition the producer's default partitioner picks for a key, on the topic's partition count. */
    private static int partition(String topic, byte[] key) {
        int partitions = topic.equals(Topics.ARTICLES_RAW) || topic.equals(Topics.ARTICLES_ENRICHED)
                || topic.startsWith(TAG_TOPICS_PREFIX) ? 3 : 1;
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    /** One record batch of these records as the producer builds it with {@code compression.type: zstd}. */
    private static int stored(List<TestRecord<byte[], byte[]>> records) {
        MemoryRecordsBuilder batch = MemoryRecords.builder(ByteBuffer.allocate(1 << 16), Compression.zstd().build(),
                TimestampType.CREATE_TIME, 0L);
        for (TestRecord<byte[], byte[]> record : records) {
            batch.append(record.timestamp(), record.key(), record.value(), record.headers().toArray());
        }
        return batch.build().sizeInBytes();
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
}
