package org.newsroom.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Per-stage consumer lag: every consumer group that has committed offsets on a pipeline topic, against the last
 * stable (read-committed) end offsets, summed over partitions. Groups are found, not configured: a listener's
 * group id is its own business (query-service's indexer is {@code article-indexer}). A Kafka Streams group's
 * repartition topics ({@code <group>-...}) are summed apart as {@code "<group> internal"}: several messages per
 * article there.
 */
final class LagMonitor implements AutoCloseable {

    static final String INTERNAL = "internal";

    private final Admin admin;
    private final List<String> topics;

    /** {@code topics}: the pipeline's topics, in the order their lag is reported. */
    LagMonitor(String bootstrapServers, List<String> topics) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        this.admin = Admin.create(properties);
        this.topics = List.copyOf(topics);
    }

    /** Messages yet to be consumed, by {@code "<group> <topic>"} (and {@code "<group> internal"}). */
    Map<String, Long> lag() {
        try {
            Map<String, Map<TopicPartition, Long>> committed = new TreeMap<>();
            for (GroupListing group : admin.listGroups().all().get()) {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                        .forEach((partition, offset) -> {
                            if (offset != null && counts(group.groupId(), partition.topic())) {
                                offsets.put(partition, offset.offset());
                            }
                        });
                if (!offsets.isEmpty()) {
                    committed.put(group.groupId(), offsets);
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.values().forEach(offsets -> offsets.keySet().forEach(p -> latest.put(p, OffsetSpec.latest())));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            return ordered(committed, partition -> ends.get(partition).offset());
        } catch (ExecutionException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private boolean counts(String group, String topic) {
        return topics.contains(topic) || isRepartitionOf(group, topic);
    }

    /** Whether {@code topic} is a repartition topic of the Kafka Streams application {@code group} (Streams' naming). */
    static boolean isRepartitionOf(String group, String topic) {
        return topic.startsWith(group + "-") && topic.endsWith("-repartition");
    }

    private Map<String, Long> ordered(Map<String, Map<TopicPartition, Long>> committed,
                                      java.util.function.ToLongFunction<TopicPartition> end) {
        Map<String, Long> byStage = new HashMap<>();
        committed.forEach((group, offsets) -> offsets.forEach((partition, offset) -> byStage.merge(
                group + " " + (topics.contains(partition.topic()) ? partition.topic() : INTERNAL),
                Math.max(0, end.applyAsLong(partition) - offset), Long::sum)));
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String topic : topics) {
            byStage.entrySet().stream().filter(e -> e.getKey().endsWith(" " + topic)).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        }
        byStage.entrySet().stream().filter(e -> e.getKey().endsWith(" " + INTERNAL)).sorted(Map.Entry.comparingByKey())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    @Override
    public void close() {
        admin.close();
    }
}
