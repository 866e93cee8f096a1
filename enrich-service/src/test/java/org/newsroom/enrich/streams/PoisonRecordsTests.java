package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
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
import org.newsroom.enrich.deadletters.DeadLetterHeaders;
import org.newsroom.enrich.deadletters.DeadLetterMetrics;
import org.newsroom.eventheaders.CloudEventHeaders;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The production topology with the production poison-record settings, exactly once: a record that cannot be read,
 * processed or written goes to {@code articles.raw.v1.DLT} as it was read, with its cause, and the next one is
 * enriched. The test driver's producer takes records of any size, so the producer's own refusal is put to the
 * handler directly.
 */
class PoisonRecordsTests {

    private static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");
    private static final String APPLICATION = "poison-records-tests";

    @TempDir
    Path state;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BreakableClock enricherClock = new BreakableClock();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, ArticleEnriched> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startTopology() {
        start(StreamsConfig.EXACTLY_ONCE_V2);
    }

    private void start(String processingGuarantee) {
        StreamsBuilder builder = new StreamsBuilder();
        new EnrichmentTopology().enrichment(builder, new Enricher("test", enricherClock),
                new EnrichProperties("test", 3, 3, Duration.ofDays(30), Duration.ofDays(90), null),
                TagRouting.tagging(List.of("*")), TagRouting.topics(), new EnrichmentMetrics(registry));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        config.putAll(PoisonRecords.settings(new DeadLetterMetrics(registry)));
        driver = new TopologyTestDriver(builder.build(), config);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED, Serdes.String().deserializer(),
                serde(ArticleEnriched.class).deserializer());
        deadLetters = driver.createOutputTopic(Topics.ARTICLES_RAW_DLT, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void sendsAnArticleWhoseEnrichmentThrowsToTheDeadLetterTopicWithItsCauseAndEnrichesTheNext() {
        ArticleReceived poison = Articles.seeds().get(0);
        ArticleReceived next = Articles.seeds().get(1);
        TestRecord<byte[], byte[]> poisonRecord = event(poison);

        enricherClock.broken = true;
        raw.pipeInput(poisonRecord);
        enricherClock.broken = false;
        raw.pipeInput(event(next));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(dead.key()).isEqualTo(poisonRecord.key());
        assertThat(dead.value()).as("the bytes it arrived as").isEqualTo(poisonRecord.value());
        Map<String, String> headers = KafkaRecords.headers(dead.headers());
        assertThat(headers).as("its own headers, then the cause")
                .containsEntry(CloudEventHeaders.SUBJECT, poison.articleId())
                .containsEntry(KafkaHeaders.DLT_EXCEPTION_FQCN, IllegalStateException.class.getName())
                .containsEntry(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "the enricher's clock is broken")
                .containsEntry(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.ARTICLES_RAW)
                .containsEntry(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, APPLICATION)
                .containsEntry(DeadLetterHeaders.PROCESSOR, "articles-enrich")
                .containsKey(DeadLetterHeaders.FAILED_AT);
        assertThat(headers.get(KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .startsWith("java.lang.IllegalStateException: the enricher's clock is broken")
                .contains("at org.newsroom.enrich.Enricher.drafted");
        assertThat(ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt())
                .isZero();
        assertThat(ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
                .isZero();
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(next.articleId());
        assertThat(registry.get("enrich.dead.letters").tag("topic", Topics.ARTICLES_RAW).counter().count())
                .isEqualTo(1);
    }

    @Test
    void enrichesADeadLetterPublishedAgainOnceItsCauseIsGone() {
        ArticleReceived article = Articles.seeds().get(0);
        enricherClock.broken = true;
        raw.pipeInput(event(article));
        enricherClock.broken = false;

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        raw.pipeInput(new TestRecord<>(dead.key(), dead.value(), dead.headers()));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(article.articleId());
    }

    @Test
    void sendsAnUnreadableRecordToTheDeadLetterTopicAsItsOriginalBytesAndGoesOn() {
        // The test driver deserialises a record as it is piped in and, under exactly-once, clears what was sent
        // then before it commits; a real stream thread commits that dead letter (DedupScaleOutIT, on a broker).
        driver.close();
        start(StreamsConfig.AT_LEAST_ONCE);
        ArticleReceived next = Articles.seeds().get(1);
        byte[] key = "poison-1".getBytes(StandardCharsets.UTF_8);
        byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);

        raw.pipeInput(key, value);
        raw.pipeInput(event(next));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(value);
        assertThat(KafkaRecords.header(dead.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
        assertThat(KafkaRecords.header(dead.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(KafkaRecords.header(dead.headers(), DeadLetterHeaders.PROCESSOR)).as("the source node").isNotBlank();
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(next.articleId());
    }

    @Test
    void sendsAnArticleWithoutAKeyToTheDeadLetterTopic() {
        ArticleReceived keyless = Articles.seeds().get(0);
        ArticleReceived next = Articles.seeds().get(1);
        TestRecord<byte[], byte[]> event = event(keyless);

        raw.pipeInput(new TestRecord<>(null, event.value(), event.headers()));
        raw.pipeInput(event(next));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isNull();
        assertThat(dead.value()).isEqualTo(event.value());
        assertThat(KafkaRecords.header(dead.headers(), DeadLetterHeaders.PROCESSOR)).isEqualTo("articles-enrich");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(next.articleId());
    }

    @Test
    void sendsAnArticleTooLargeOnceEnrichedToTheDeadLetterTopicWithItsCauseAndEnrichesTheNext() {
        ArticleReceived next = Articles.seeds().get(1);
        TestRecord<byte[], byte[]> huge = event(Articles.ofJsonSize("huge-1", RecordLimit.MAX_VALUE_BYTES - 256));
        assertThat(huge.value().length + huge.key().length).as("a record Kafka takes")
                .isLessThan(Topics.MAX_RECORD_BYTES - 2048);

        raw.pipeInput(huge);
        raw.pipeInput(event(next));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(dead.key()).isEqualTo(huge.key());
        assertThat(dead.value()).as("the bytes it arrived as: refused before it had any output").isEqualTo(huge.value());
        assertThat(KafkaRecords.header(dead.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(RecordTooLargeException.class.getName());
        assertThat(KafkaRecords.header(dead.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ARTICLES_RAW);
        assertThat(KafkaRecords.header(dead.headers(), DeadLetterHeaders.PROCESSOR)).isNotBlank();
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(next.articleId());
        assertThat(registry.get("enrich.dead.letters").tag("topic", Topics.ARTICLES_RAW).counter().count())
                .isEqualTo(1);
    }

    @Test
    void sendsARecordKeyedWithMoreThanAnArticleIdToTheDeadLetterTopicAsItsBytes() {
        ArticleReceived next = Articles.seeds().get(1);
        TestRecord<byte[], byte[]> event = event(Articles.seeds().get(0));
        byte[] longKey = "k".repeat(RecordLimit.MAX_KEY_BYTES + 1).getBytes(StandardCharsets.UTF_8);

        raw.pipeInput(new TestRecord<>(longKey, event.value(), event.headers()));
        raw.pipeInput(event(next));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(dead.key()).isEqualTo(longKey);
        assertThat(dead.value()).isEqualTo(event.value());
        assertThat(KafkaRecords.header(dead.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(RecordTooLargeException.class.getName());
        assertThat(KafkaRecords.header(dead.headers(), DeadLetterHeaders.PROCESSOR)).isEqualTo("articles-enrich");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(next.articleId());
    }

    @Test
    void sendsARecordTheProducerRefusesAsTooLargeToTheDeadLetterTopicAndGoesOn() {
        PoisonRecords handler = configured();

        ProductionExceptionHandler.Response response = handler.handleError(failureAt(Topics.ARTICLES_RAW),
                enrichedRecord(), new RecordTooLargeException("The message is 9000000 bytes when serialized"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.ARTICLES_RAW_DLT);
            assertThat(dead.key()).as("the source record's bytes").isEqualTo("a1".getBytes(StandardCharsets.UTF_8));
            assertThat(dead.value()).isEqualTo(new byte[] {1});
            assertThat(KafkaRecords.header(dead.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN))
                    .isEqualTo(RecordTooLargeException.class.getName());
            assertThat(KafkaRecords.header(dead.headers(), DeadLetterHeaders.PROCESSOR)).isEqualTo("memory-remember");
        });
    }

    @Test
    void keysTheDeadLetterByTheFailingRecordOnceStreamsNoLongerHoldsTheSourceBytes() {
        PoisonRecords handler = configured();
        ErrorHandlerContext freed = new Failure(Topics.ARTICLES_RAW, 0, 7L, new RecordHeaders(), "memory-remember",
                new TaskId(1, 0), 0L, null, null);

        ProductionExceptionHandler.Response response = handler.handleError(freed, enrichedRecord(),
                new RecordTooLargeException("too large"));

        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.key()).isEqualTo("a1".getBytes(StandardCharsets.UTF_8));
            assertThat(dead.value()).isNull();
        });
    }

    @Test
    void leavesOtherFailuresToWriteToTheStreamThread() {
        PoisonRecords handler = configured();

        assertThat(handler.handleError(failureAt(Topics.ARTICLES_RAW), enrichedRecord(),
                new TimeoutException("no broker")).result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(handler.handleError(failureAt(Topics.ARTICLES_RAW), enrichedRecord(),
                new TopicAuthorizationException("denied")).result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(handler.handleError(failureAt(null), enrichedRecord(), new RecordTooLargeException("changelog"))
                .result()).as("a changelog write, which has no source record").isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void leavesAPlatformFailureToTheStreamThreadToBeRetriedByItsReplacement() {
        PoisonRecords handler = configured();

        ProcessingExceptionHandler.Response response = handler.handleError(failureAt(Topics.ARTICLES_RAW),
                new Record<>("a1", "article", 0L), new ProcessorStateException("RocksDB write failed"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void failsAPunctuationSinceItHasNoRecordToDeadLetter() {
        PoisonRecords handler = configured();

        ProcessingExceptionHandler.Response response = handler.handleError(failureAt(null),
                new Record<>("a1", "article", 0L), new IllegalStateException("punctuation failed"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    }

    private PoisonRecords configured() {
        PoisonRecords handler = new PoisonRecords();
        Map<String, Object> config = new HashMap<>(PoisonRecords.settings(new DeadLetterMetrics(registry)));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        handler.configure(config);
        return handler;
    }

    private static ProducerRecord<byte[], byte[]> enrichedRecord() {
        return new ProducerRecord<>(Topics.ARTICLES_ENRICHED, "a1".getBytes(StandardCharsets.UTF_8), new byte[] {2});
    }

    /** An article as ingest publishes it, at {@code NOW}. */
    private static TestRecord<byte[], byte[]> event(ArticleReceived article) {
        return Articles.rawEvent(article, NOW);
    }

    private static ErrorHandlerContext failureAt(String topic) {
        return new Failure(topic, 0, 7L, new RecordHeaders(), "memory-remember", new TaskId(1, 0), 0L,
                "a1".getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }

    private record Failure(String topic, int partition, long offset, Headers headers, String processorNodeId,
                           TaskId taskId, long timestamp, byte[] sourceRawKey, byte[] sourceRawValue)
            implements ErrorHandlerContext {
    }

    /** The enricher's clock, so a test can make enrichment throw for the articles it pipes meanwhile. */
    private static final class BreakableClock extends Clock {

        private volatile boolean broken;

        @Override
        public Instant instant() {
            if (broken) {
                throw new IllegalStateException("the enricher's clock is broken");
            }
            return NOW;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
