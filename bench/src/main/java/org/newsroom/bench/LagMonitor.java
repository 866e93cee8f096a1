package org.newsroom.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Per-stage consumer lag: for each consumer group, the committed offsets of every partition it reads (its input
 * topic and, for Kafka Streams, its repartition topics) against the last stable offsets, summed. A partition the
 * group has not committed yet counts from its start.
 */
final class LagMonitor implements AutoCloseable {

    private final Admin admin;
    private final Map<String, String> inputs;

    /** {@code inputs}: group id to the topic it consumes from outside, counted even before its first commit. */
    LagMonitor(String bootstrapServers, Map<String, String> inputs) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        this.admin = Admin.create(properties);
        this.inputs = inputs;
    }

    /**
     * Messages each group has yet to consume: of its input topic ({@code "<group> <topic>"}, one message per
     * article) and, when it has any, of its internal topics ({@code "<group> internal"}: Kafka Streams'
     * repartition topics, several messages per article). -1 for a group that could not be read.
     */
    Map<String, Long> lag() {
        Map<String, Long> lag = new LinkedHashMap<>();
        inputs.forEach((group, input) -> {
            Map<String, Long> byTopic = lagOf(group, input);
            lag.put(group + " " + input, byTopic.getOrDefault(input, -1L));
            long internal = byTopic.entrySet().stream().filter(e -> !e.getKey().equals(input))
                    .mapToLong(Map.Entry::getValue).sum();
            if (internal > 0 || byTopic.size() > 1) {
                lag.put(group + " " + INTERNAL, internal);
            }
        });
        return lag;
    }

    static final String INTERNAL = "internal";

    private Map<String, Long> lagOf(String group, String input) {
        Map<String, Long> byTopic = new HashMap<>();
        try {
            Map<TopicPartition, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((partition, offset) -> committed.put(partition, offset == null ? 0 : offset.offset()));
            admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions()
                    .forEach(info -> committed.putIfAbsent(new TopicPartition(input, info.partition()), 0L));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            committed.forEach((partition, offset) -> byTopic.merge(partition.topic(),
                    Math.max(0, ends.get(partition).offset() - offset), Long::sum));
        } catch (ExecutionException e) {
            byTopic.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            byTopic.clear();
        }
        return byTopic;
    }

    @Override
    public void close() {
        admin.close();
    }
}
