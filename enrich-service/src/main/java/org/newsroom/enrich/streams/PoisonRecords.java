package org.newsroom.enrich.streams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.newsroom.contracts.Topics;
import org.newsroom.enrich.deadletters.DeadLetterHeaders;
import org.newsroom.enrich.deadletters.DeadLetterMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterRecordManager;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record the topology cannot read, whose processing throws in any processor, or whose output cannot be written
 * (too large for a record, {@link RecordLimit}, or not serialisable) goes to {@code articles.raw.v1.DLT} as the bytes
 * it was read as, with the cause in headers, and processing goes on with the next record. The dead letter is
 * handed back to Kafka Streams (KIP-1034), which sends it with the task's own producer: in the transaction that
 * commits the record's offset, so it is written exactly once. A {@link StreamsException} (state store, producer,
 * task migration) or any other failure to write is no fault of the record: it fails the stream thread, which
 * {@link StreamThreadFailures} replaces, and the record is retried from the last commit.
 */
public final class PoisonRecords
        implements ProcessingExceptionHandler, DeserializationExceptionHandler, ProductionExceptionHandler {

    /** Streams setting carrying the {@link DeadLetterMetrics} instance (Streams creates the handler itself). */
    static final String METRICS = "newsroom.dead-letters.metrics";

    private static final Logger log = LoggerFactory.getLogger(PoisonRecords.class);

    private final DeadLetterRecordManager letters = new DeadLetterRecordManager();
    private final Clock clock = Clock.systemUTC();
    private String deadLetterTopic;
    private String applicationId;
    private DeadLetterMetrics metrics;

    public PoisonRecords() {
        letters.setExceptionHeadersCreator(new DeadLetterHeaders());
    }

    /** The Streams settings that install this handler for the three kinds of failure. */
    static Map<String, Object> settings(DeadLetterMetrics metrics) {
        return Map.of(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, PoisonRecords.class,
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, PoisonRecords.class,
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, PoisonRecords.class,
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ARTICLES_RAW_DLT,
                METRICS, metrics);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = (String) Objects.requireNonNull(
                configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG),
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        applicationId = (String) Objects.requireNonNull(configs.get(StreamsConfig.APPLICATION_ID_CONFIG),
                StreamsConfig.APPLICATION_ID_CONFIG);
        metrics = (DeadLetterMetrics) Objects.requireNonNull(configs.get(METRICS), METRICS);
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        // No source record: a punctuation failed, and there is nothing to dead-letter.
        if (exception instanceof StreamsException || context.topic() == null) {
            return ProcessingExceptionHandler.Response.fail();
        }
        return ProcessingExceptionHandler.Response.resume(
                List.of(deadLetter(context, source(context, record.key()), exception)));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, record, exception)));
    }

    /** An output that cannot be serialised, or that {@link RecordLimit} finds too large (before the producer). */
    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
                                                                        ProducerRecord record, Exception exception,
                                                                        SerializationExceptionOrigin origin) {
        // No source record: a punctuation's output, with nothing to dead-letter.
        if (context.topic() == null) {
            return ProductionExceptionHandler.Response.fail();
        }
        Object key = origin == SerializationExceptionOrigin.KEY ? null : record.key();
        return ProductionExceptionHandler.Response.resume(
                List.of(deadLetter(context, source(context, key), exception)));
    }

    /**
     * A record the producer refused as too large is dead-lettered; any other failure to write is not the record's:
     * retried if Kafka calls it retriable, else the thread fails. {@link RecordLimit} keeps too large records from
     * the producer: under exactly-once, a refusal by the producer leaves the transaction unable to commit (the
     * producer is then in an abortable error state), dead letter included, and the thread fails at commit.
     */
    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                           ProducerRecord<byte[], byte[]> record, Exception exception) {
        // A store's changelog write has no source record: skipping it would leave store and changelog apart.
        if (exception instanceof RecordTooLargeException && context.topic() != null
                && !deadLetterTopic.equals(record.topic())) {
            return ProductionExceptionHandler.Response.resume(
                    List.of(deadLetter(context, source(context, record.key()), exception)));
        }
        return exception instanceof RetriableException ? ProductionExceptionHandler.Response.retry()
                : ProductionExceptionHandler.Response.fail();
    }

    /**
     * The record that was being processed, as the failing task read it. Streams lets go of those bytes once one of
     * the record's outputs is sent; the dead letter then has the key of the failing record and no value.
     */
    private static ConsumerRecord<byte[], byte[]> source(ErrorHandlerContext context, Object failingKey) {
        byte[] key = context.sourceRawKey() != null ? context.sourceRawKey() : bytes(failingKey);
        return new ConsumerRecord<>(context.topic(), context.partition(), context.offset(), context.timestamp(),
                TimestampType.NO_TIMESTAMP_TYPE, -1, -1, key, context.sourceRawValue(),
                new RecordHeaders(context.headers().toArray()), Optional.empty());
    }

    private static byte[] bytes(Object key) {
        return switch (key) {
            case byte[] bytes -> bytes;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case null, default -> null;
        };
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context,
                                                      ConsumerRecord<byte[], byte[]> source, Exception exception) {
        ProducerRecord<byte[], byte[]> letter = letter(context, source, exception);
        if (!RecordLimit.fits(letter)) {
            // A record at the limit leaves no room for its cause: the dead letter then says where to find it.
            letter = letter(context, withoutContent(source), exception);
        }
        metrics.sent(source.topic());
        // Without the key or stack trace: the key may be garbage, the stack trace is in the dead letter.
        log.warn("Sent record {}-{}@{} to {} after processor {} failed: {}", source.topic(), source.partition(),
                source.offset(), deadLetterTopic, context.processorNodeId(), exception.toString());
        return letter;
    }

    private ProducerRecord<byte[], byte[]> letter(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> source,
                                                  Exception exception) {
        ProducerRecord<byte[], byte[]> letter = letters.enrichHeadersAndCreateProducerRecord(source, exception,
                new TopicPartition(deadLetterTopic, -1));
        // The application id is the Streams consumer group: a replay run's dead letters differ from the live ones.
        letter.headers().remove(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
                .add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, applicationId.getBytes(StandardCharsets.UTF_8))
                .remove(DeadLetterHeaders.PROCESSOR)
                .add(DeadLetterHeaders.PROCESSOR,
                        String.valueOf(context.processorNodeId()).getBytes(StandardCharsets.UTF_8));
        DeadLetterHeaders.addFailedAt(letter.headers(), clock.instant());
        return letter;
    }

    /** The source's place and time, and its key if that is an article id's size, without value and headers. */
    private static ConsumerRecord<byte[], byte[]> withoutContent(ConsumerRecord<byte[], byte[]> source) {
        byte[] key = source.key() != null && source.key().length <= RecordLimit.MAX_KEY_BYTES ? source.key() : null;
        return new ConsumerRecord<>(source.topic(), source.partition(), source.offset(), source.timestamp(),
                source.timestampType(), -1, -1, key, null, new RecordHeaders(), Optional.empty());
    }
}
