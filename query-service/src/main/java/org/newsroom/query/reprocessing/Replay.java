package org.newsroom.query.reprocessing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.newsroom.contracts.Topics;

/**
 * The Kafka side of one reprocessing run: the replaying enrich instance's own Streams application id (so its
 * consumer group, internal topics and state are its own) starting at the chosen raw offsets, its own output
 * topic, how far it got, and removing all of it afterwards. Caught up means every raw record up to a target
 * and every record of its internal repartition topics has been processed and committed.
 */
final class Replay implements AutoCloseable {

    /** The longest gap of offsets still checked record by record (transaction markers and aborted writes). */
    private static final long PROBE_LIMIT = 500;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> probe;
    private final String name;
    private final Map<TopicPartition, Long> starts;

    private Replay(Admin admin, KafkaConsumer<byte[], byte[]> probe, String name, Map<TopicPartition, Long> starts) {
        this.admin = admin;
        this.probe = probe;
        this.name = name;
        this.starts = starts;
    }

    /** Creates the run's output topic and sets its group's raw offsets to the first record at or after {@code since}. */
    static Replay prepare(String bootstrapServers, String name, Instant since) throws Exception {
        Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
        var probe = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> raw = partitionsOf(admin, Topics.ARTICLES_RAW);
            OffsetSpec from = since == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(since.toEpochMilli());
            Map<TopicPartition, Long> starts = new HashMap<>(offsets(admin, raw, from));
            // No record at or after `since` in a partition: start at its end.
            Map<TopicPartition, Long> ends = offsets(admin, raw, OffsetSpec.latest());
            starts.replaceAll((partition, offset) -> offset < 0 ? ends.get(partition) : offset);
            int partitions = partitionsOf(admin, Topics.ARTICLES_ENRICHED).size();
            admin.createTopics(List.of(new NewTopic(Topics.replayOf(name), partitions, (short) -1))).all().get();
            Replay replay = new Replay(admin, probe, name, Map.copyOf(starts));
            admin.alterConsumerGroupOffsets(replay.applicationId(), starts.entrySet().stream().collect(
                    Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
            return replay;
        } catch (Exception e) {
            probe.close();
            admin.close();
            throw e;
        }
    }

    /** The replaying instance's Streams application id: its consumer group and the prefix of its internal topics. */
    String applicationId() {
        return "enrich-service-replay-" + name;
    }

    String topic() {
        return Topics.replayOf(name);
    }

    /** The raw topic's end offsets now: a replay that reaches them has seen every article published so far. */
    Map<TopicPartition, Long> rawEnds() throws Exception {
        return offsets(admin, List.copyOf(starts.keySet()), OffsetSpec.latest());
    }

    /** Raw records replayed so far ({@code done}) out of those to replay up to some end offsets ({@code total}). */
    record Position(long done, long total) {
    }

    Position position(Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        long done = 0;
        long total = 0;
        for (var start : starts.entrySet()) {
            OffsetAndMetadata at = committed.get(start.getKey());
            done += (at == null ? start.getValue() : at.offset()) - start.getValue();
            total += ends.get(start.getKey()) - start.getValue();
        }
        return new Position(Math.min(done, total), total);
    }

    /** Whether every raw record before {@code rawTargets}, and all they led to internally, is processed. */
    boolean caughtUp(Map<TopicPartition, Long> rawTargets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        Map<TopicPartition, Long> targets = new HashMap<>(rawTargets);
        List<String> internal = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(applicationId() + "-") && t.endsWith("-repartition")).toList();
        if (!internal.isEmpty()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : internal) {
                partitions.addAll(partitionsOf(admin, topic));
            }
            targets.putAll(offsets(admin, partitions, OffsetSpec.latest()));
        }
        for (var target : targets.entrySet()) {
            OffsetAndMetadata at = committed.get(target.getKey());
            if (!nothingLeft(target.getKey(), at == null ? 0 : at.offset(), target.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Deletes the run's output topic, internal topics and consumer group; the replaying instance must be stopped. */
    void remove() throws Exception {
        List<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> t.equals(topic()) || t.startsWith(applicationId() + "-")).toList();
        admin.deleteTopics(topics).all().get();
        // enrich-service's members leave their group when stopped, but one that was killed stays a member until its
        // session times out: remove any left, then the group.
        for (int attempt = 1; ; attempt++) {
            try {
                admin.deleteConsumerGroups(List.of(applicationId())).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupNotEmptyException) || attempt == 10) {
                    throw e;
                }
                try {
                    admin.removeMembersFromConsumerGroup(applicationId(), new RemoveMembersFromConsumerGroupOptions())
                            .all().get();
                } catch (ExecutionException gone) {
                    // Members that left meanwhile: the next attempt deletes the group.
                }
                Thread.sleep(500);
            }
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
        return admin.listConsumerGroupOffsets(applicationId()).partitionsToOffsetAndMetadata().get();
    }

    /** True when no record remains in [from, to): what is left is transaction markers or aborted records. */
    private boolean nothingLeft(TopicPartition partition, long from, long to) {
        if (from >= to) {
            return true;
        }
        if (to - from > PROBE_LIMIT) {
            return false;
        }
        probe.assign(List.of(partition));
        probe.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : probe.poll(Duration.ofMillis(200)).records(partition)) {
                if (record.offset() < to) {
                    return false;
                }
            }
            if (probe.position(partition) >= to) {
                return true;
            }
        }
        return false;
    }

    private static List<TopicPartition> partitionsOf(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        var result = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get();
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        probe.close();
        admin.close();
    }
}
