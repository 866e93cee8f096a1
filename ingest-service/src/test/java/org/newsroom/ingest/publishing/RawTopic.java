package org.newsroom.ingest.publishing;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code articles.raw.v1} from the beginning with a plain consumer, as enrich-service would. */
public final class RawTopic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawTopic() {
    }

    /** A received article as it travelled: its record key and its value read back into the contract. */
    public record Received(String key, ArticleReceived article) {
    }

    /** Waits until at least {@code count} records match, then returns all the matching ones. */
    public static List<Received> awaitRecords(String bootstrapServers, Predicate<Received> matching, int count) {
        List<Received> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "raw-topic-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_RAW, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Received received = new Received(record.key(), JSON.readValue(record.value(), ArticleReceived.class));
                    if (matching.test(received)) {
                        seen.add(received);
                    }
                }
                return seen.size() >= count;
            });
        }
        return seen;
    }
}
