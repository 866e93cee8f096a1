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

    /** Messages each group has yet to consume, by group id; -1 for a group that could not be read. */
    Map<String, Long> lag() {
        Map<String, Long> lag = new LinkedHashMap<>();
        inputs.forEach((group, input) -> lag.put(group, lagOf(group, input)));
        return lag;
    }

    private long lagOf(String group, String input) {
        try {
            Map<TopicPartition, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((partition, offset) -> committed.put(partition, offset == null ? 0 : offset.offset()));
            admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions()
                    .forEach(info -> committed.putIfAbsent(new TopicPartition(input, info.partition()), 0L));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            long total = 0;
            for (var entry : committed.entrySet()) {
                total += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue());
            }
            return total;
        } catch (ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
