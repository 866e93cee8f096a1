package org.newsroom.enrich.streams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.newsroom.contracts.Topics;

/**
 * Every record the topology writes to a topic (enriched, repartition, a dedup store's changelog) fits
 * {@link Topics#MAX_RECORD_BYTES}, or fails to serialise: a key over {@value #MAX_KEY_BYTES} bytes, or a value that
 * with its headers takes more than {@link #MAX_VALUE_BYTES}, throws {@link RecordTooLargeException} before the
 * producer sees it. Streams hands that to {@link PoisonRecords} as a serialisation error, and the record being
 * processed is dead-lettered in a transaction that still commits: the producer's own size check would put the
 * exactly-once producer in an abortable error state instead.
 */
final class RecordLimit {

    /** Article ids are 32 characters: a key longer than this is no article id, with room to spare. */
    static final int MAX_KEY_BYTES = 1024;

    /** Batch and record framing: under 100 bytes, plus up to 10 length bytes per header (counted apiece). */
    private static final int FRAMING = 1024;
    private static final int HEADER_FRAMING = 10;

    /** What a value and its headers may take: the record limit less a key at its limit and the framing. */
    static final int MAX_VALUE_BYTES = Topics.MAX_RECORD_BYTES - MAX_KEY_BYTES - FRAMING;

    /** Room kept beside an enriched article: fingerprint (~560 bytes), decision and headers, with some to spare. */
    private static final int ARTICLE_COMPANY = 8 * 1024;

    /** More times larger than its internal encoding than an article's JSON can be (field names, escapes). */
    private static final int JSON_GROWTH = 16;

    private RecordLimit() {
    }

    /**
     * Refuses an arriving record whose key is no article id (missing, or longer than one may be), before it has any
     * output to fail.
     */
    static void checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("A record without a key: articles are keyed by their id");
        }
        int size = key.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_KEY_BYTES) {
            throw new RecordTooLargeException("A key of %,d bytes, more than the %,d an article id may take"
                    .formatted(size, MAX_KEY_BYTES));
        }
    }

    /**
     * Refuses a drafted article whose JSON (as it will be published) or internal encoding (as the findings and
     * held records carry it) leaves no room in a record for what travels with it (fingerprint, decision,
     * CloudEvents headers), where the raw record it came from is still at hand to be dead-lettered: the memory task
     * writes it twice more, and a failure there would dead-letter an internal record instead. The JSON is written
     * only for an article whose internal encoding is within {@value #JSON_GROWTH}x of the limit, more than JSON ever
     * grows over it (a control character escaped takes six bytes, field names beside short values a few times
     * theirs): every ordinary article costs one comparison.
     *
     * @param encoded the article as the internal records carry it ({@link DraftEncoding#encoded})
     * @param json    the article as published
     */
    static byte[] checkArticle(byte[] encoded, Supplier<byte[]> json) {
        int limit = MAX_VALUE_BYTES - ARTICLE_COMPANY;
        if (encoded.length > limit) {
            throw tooLarge("encoded", encoded.length, limit);
        }
        if (encoded.length * JSON_GROWTH > limit) {
            int size = json.get().length;
            if (size > limit) {
                throw tooLarge("as JSON", size, limit);
            }
        }
        return encoded;
    }

    private static RecordTooLargeException tooLarge(String form, int size, int limit) {
        return new RecordTooLargeException("An enriched article of %,d bytes %s, more than the %,d it may take"
                .formatted(size, form, limit) + " (Topics.MAX_RECORD_BYTES)");
    }

    /** The topology's keys (article ids), bounded. */
    static Serde<String> keys() {
        Serde<String> strings = Serdes.String();
        return Serdes.serdeFrom(new Bounded<>(strings.serializer(), MAX_KEY_BYTES, false), strings.deserializer());
    }

    /** {@code serde}, whose values, with the headers they are written with, are bounded. */
    static <T> Serde<T> values(Serde<T> serde) {
        return Serdes.serdeFrom(new Bounded<>(serde.serializer(), MAX_VALUE_BYTES, true), serde.deserializer());
    }

    /** Whether the producer takes this record (a dead letter, whose headers grow with its cause). */
    static boolean fits(ProducerRecord<byte[], byte[]> record) {
        return length(record.key()) + length(record.value()) + size(record.headers()) + FRAMING
                <= Topics.MAX_RECORD_BYTES;
    }

    private static int size(Headers headers) {
        int size = 0;
        if (headers != null) {
            for (Header header : headers) {
                size += HEADER_FRAMING + header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
            }
        }
        return size;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private record Bounded<T>(Serializer<T> serializer, int max, boolean withHeaders) implements Serializer<T> {

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            serializer.configure(configs, isKey);
        }

        @Override
        public byte[] serialize(String topic, T data) {
            return bounded(topic, null, serializer.serialize(topic, data));
        }

        @Override
        public byte[] serialize(String topic, Headers headers, T data) {
            // The headers as the serializer left them: the CloudEvents serializer adds its own.
            return bounded(topic, headers, serializer.serialize(topic, headers, data));
        }

        private byte[] bounded(String topic, Headers headers, byte[] bytes) {
            int size = length(bytes) + (withHeaders ? size(headers) : 0);
            if (size > max) {
                String what = withHeaders ? "A value with its headers" : "A key";
                throw new RecordTooLargeException("%s for %s takes %,d bytes, more than the %,d it may take of a record"
                        .formatted(what, topic, size, max) + " (Topics.MAX_RECORD_BYTES)");
            }
            return bytes;
        }

        @Override
        public void close() {
            serializer.close();
        }
    }
}
