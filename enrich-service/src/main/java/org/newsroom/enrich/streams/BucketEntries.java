package org.newsroom.enrich.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.newsroom.enrich.dedup.Bucket;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprint;

/**
 * An article entering those of its LSH buckets that live in one partition of the {@code dedup-buckets} topic,
 * with its fingerprint once. One record per partition instead of one per bucket: an article has 43 buckets but
 * the topic only a few partitions, and every record costs a send, a read and a fingerprint store write.
 *
 * @param partition the {@code dedup-buckets} partition all of {@code buckets} belong to
 */
record BucketEntries(int partition, List<Bucket> buckets, Fingerprint fingerprint) {

    BucketEntries {
        buckets = List.copyOf(buckets);
    }

    /** The article's buckets grouped by the partition that owns each, in bucket order within a group. */
    static List<BucketEntries> of(Fingerprint fingerprint, DedupSettings settings, int partitions) {
        List<List<Bucket>> byPartition = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        for (Bucket bucket : Bucket.of(fingerprint, settings)) {
            byPartition.get(partitionOf(bucket, partitions)).add(bucket);
        }
        List<BucketEntries> entries = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            if (!byPartition.get(p).isEmpty()) {
                entries.add(new BucketEntries(p, byPartition.get(p), fingerprint));
            }
        }
        return entries;
    }

    /** Which partition owns a bucket: fixed by the bucket alone, so all its members meet in one task. */
    static int partitionOf(Bucket bucket, int partitions) {
        return Utils.toPositive(Utils.murmur2(bucket.key().getBytes(StandardCharsets.UTF_8)))
                % partitions;
    }

    /**
     * Sends each record to the partition it was grouped for. Should the topic have another partition count (a
     * test driver has one), the modulo still sends a bucket always to the same partition, which is what
     * correctness needs; only the spread differs.
     */
    static StreamPartitioner<String, BucketEntries> partitioner() {
        return (topic, key, entries, numPartitions) -> Optional.of(Set.of(entries.partition() % numPartitions));
    }
}
