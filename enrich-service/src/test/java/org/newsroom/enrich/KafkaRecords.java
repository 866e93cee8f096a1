package org.newsroom.enrich;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.newsroom.contracts.Topics;
import org.newsroom.eventheaders.CloudEventHeaders;

/** How enrich's tests read what was written to Kafka: committed records by key, and headers as their UTF-8 text. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /**
     * The committed records of {@code topic} with these keys, by key (the last of each), read from the start by a
     * consumer group of its own: topics are shared with other tests on the same broker, whose records are skipped.
     */
    public static Map<String, ConsumerRecord<byte[], byte[]>> awaitCommitted(String bootstrapServers, String topic,
                                                                             Set<String> keys, Duration atMost) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only what a transaction committed: an aborted attempt's copy must not satisfy a test.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_RECORD_BYTES);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Map<String, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
            await().atMost(atMost).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    if (key != null && keys.contains(key)) { // Set.of refuses contains(null); dead letters may have no key
                        found.put(key, record);
                    }
                }
                return found.keySet().containsAll(keys);
            });
            return found;
        }
    }

    /** The last header of that name as text ({@link CloudEventHeaders#read}); null when there is none. */
    public static String header(Headers headers, String name) {
        return CloudEventHeaders.read(headers, name).orElse(null);
    }

    /** Every header as text, by name (a repeated name: the last), a header without a value as null. */
    public static Map<String, String> headers(Iterable<Header> headers) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Header header : headers) {
            texts.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return texts;
    }
}
