package org.newsroom.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What the pipeline wrote to Kafka, per topic, between two snapshots of the broker: records as the growth of the
 * end offsets (transaction markers included: an exactly-once producer writes one per partition per commit) and bytes
 * as the growth of the partitions' logs on disk (after compression, with batch headers; a compacted changelog
 * compacted meanwhile counts less). Internal topics of the services (repartitions, changelogs) included, Kafka's
 * own ({@code __consumer_offsets}, {@code __transaction_state}) not.
 */
final class TopicTraffic {

    /** One topic's growth. */
    record Row(long records, long bytes) {
    }

    /** End offset and log size of every partition. */
    record Snapshot(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> sizes) {
    }

    private TopicTraffic() {
    }

    static Snapshot take(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics().names().get();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(partitions).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
        List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
        Map<TopicPartition, Long> sizes = new HashMap<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
            dirs.values().forEach(dir -> dir.replicaInfos().forEach((tp, replica) ->
                    sizes.merge(tp, replica.size(), Long::sum)));
        }
        return new Snapshot(offsets, sizes);
    }

    /** Per topic, what was written from {@code before} to {@code after}; topics that did not grow are left out. */
    static Map<String, Row> between(Snapshot before, Snapshot after) {
        Map<String, long[]> grown = new TreeMap<>();
        after.endOffsets().forEach((tp, end) -> grown.computeIfAbsent(tp.topic(), t -> new long[2])[0] +=
                end - before.endOffsets().getOrDefault(tp, 0L));
        after.sizes().forEach((tp, size) -> grown.computeIfAbsent(tp.topic(), t -> new long[2])[1] +=
                size - before.sizes().getOrDefault(tp, 0L));
        Map<String, Row> rows = new TreeMap<>();
        grown.forEach((topic, g) -> {
            if (g[0] > 0 && !topic.startsWith("__")) {
                rows.put(topic, new Row(g[0], g[1]));
            }
        });
        return rows;
    }
}
