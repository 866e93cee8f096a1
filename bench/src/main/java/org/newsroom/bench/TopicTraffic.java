package org.newsroom.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the brokers hold per topic, read twice around a phase: bytes from the log directories (what was written
 * to disk, record batches with their headers and transaction markers, before any compaction or deletion) and
 * records from the end offsets (which count transaction markers too, one per partition per transaction). The
 * difference divided by the articles of the phase is what one article costs in Kafka, internal topics and
 * changelogs included.
 */
final class TopicTraffic implements AutoCloseable {

    /** One topic's holdings at one moment, summed over its partitions (and replicas). */
    record Holding(long bytes, long endOffsets) {
    }

    /** What one topic took per article over a phase. */
    record PerArticle(String topic, double bytes, double records) {
    }

    private final Admin admin;
    private final String bootstrapServers;

    TopicTraffic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "bench-topic-traffic"));
    }

    Map<String, Holding> snapshot() throws ExecutionException, InterruptedException {
        Set<Integer> brokers = admin.describeCluster().nodes().get().stream().map(node -> node.id()).collect(Collectors.toSet());
        Map<String, Long> bytes = new TreeMap<>();
        Set<TopicPartition> partitions = new HashSet<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    bytes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                    partitions.add(replica.getKey());
                }
            }
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        Map<String, Long> offsets = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) ->
                offsets.merge(partition.topic(), info.offset(), Long::sum));
        Map<String, Holding> holdings = new TreeMap<>();
        bytes.forEach((topic, size) -> holdings.put(topic, new Holding(size, offsets.getOrDefault(topic, 0L))));
        return holdings;
    }

    /**
     * Per article, topic by topic, largest first; Kafka's own topics (offsets, transaction state) included, the
     * per-tag topics summed in one row ({@code articles.tag.*}).
     */
    static List<PerArticle> perArticle(Map<String, Holding> before, Map<String, Holding> after, long articles) {
        Map<String, double[]> grown = new TreeMap<>();
        after.forEach((topic, holding) -> {
            Holding was = before.getOrDefault(topic, new Holding(0, 0));
            double[] row = grown.computeIfAbsent(topic.startsWith(TAG_TOPICS) ? TAG_TOPICS + "*" : topic, t -> new double[2]);
            row[0] += (holding.bytes() - was.bytes()) / (double) articles;
            row[1] += (holding.endOffsets() - was.endOffsets()) / (double) articles;
        });
        return grown.entrySet().stream().map(entry -> new PerArticle(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .filter(topic -> topic.bytes() > 0 || topic.records() > 0)
                .sorted((x, y) -> Double.compare(y.bytes(), x.bytes())).toList();
    }

    private static final String TAG_TOPICS = "articles.tag.";

    /**
     * The mean size of a record of {@code topic} as its producer serialised it (key, value and header bytes) over at
     * most {@code sample} records from the start: the unit "x the raw record" is counted in. The log directories hold
     * batches as the producer compressed them, so the stored raw topic is no measure of the record itself.
     */
    double meanRecordBytes(String topic, int sample) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long records = 0;
            long bytes = 0;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (records < sample && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(java.time.Duration.ofMillis(500))) {
                    bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
                    for (Header header : record.headers()) {
                        bytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
                    }
                    records++;
                }
            }
            return records == 0 ? Double.NaN : bytes / (double) records;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
