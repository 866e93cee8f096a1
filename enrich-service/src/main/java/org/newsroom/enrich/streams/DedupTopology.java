package org.newsroom.enrich.streams;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.streams.DedupSerdes.EncodedArticle;

/**
 * Duplicate detection spread over partitions: each article's LSH buckets are sent, grouped by the partition
 * that owns each bucket, to the {@code dedup-buckets} repartition topic, so every pair of candidates meets in
 * one task whichever raw partition they came from; bucket reports and the articles themselves then meet, keyed
 * by article id, on {@code dedup-decisions}, whose task emits each article once all its buckets reported, and
 * again on every later improvement of its decision. All stores are changelogged window stores: the dedup
 * window bounds them.
 */
final class DedupTopology {

    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private DedupTopology() {
    }

    /**
     * @param bucketPartitions partitions of the {@code dedup-buckets} topic; fixed for an application's life,
     *                         since it decides which task owns each bucket
     * @param persistent       RocksDB stores (production: state larger than memory, quick restarts), else
     *                         in-memory ones (tests: the test driver flushes stores after every record)
     */
    static KStream<String, ArticleEnriched> deduplicated(StreamsBuilder builder, KStream<String, ArticleReceived> raw,
                                                         Enricher enricher, DedupSettings settings, Duration window,
                                                         int bucketPartitions, boolean persistent) {
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        addStores(builder, window, persistent);
        KStream<String, DecisionInput.Arrived> arrived = raw.mapValues((id, received) -> {
            ArticleEnriched article = enricher.enrich(received);
            return new DecisionInput.Arrived(EncodedArticle.of(article),
                    fingerprinter.fingerprint(id, publishedAt(received), article.paragraphs()));
        }, Named.as("dedup-fingerprint"));
        KStream<String, DecisionInput> checked = arrived
                .flatMapValues(a -> BucketEntries.of(a.fingerprint(), settings, bucketPartitions),
                        Named.as("dedup-bucket-entries"))
                .repartition(Repartitioned.<String, BucketEntries>as("dedup-buckets")
                        .withKeySerde(RecordLimit.keys()).withValueSerde(DedupSerdes.bucketEntries())
                        .withNumberOfPartitions(bucketPartitions)
                        .withStreamPartitioner(BucketEntries.partitioner()))
                .process(() -> new BucketProcessor(settings, window), Named.as("dedup-verify"),
                        BucketProcessor.MEMBERS, BucketProcessor.FINGERPRINTS);
        return arrived.<DecisionInput>mapValues(a -> a, Named.as("dedup-arrivals"))
                .merge(checked, Named.as("dedup-merge"))
                .repartition(Repartitioned.<String, DecisionInput>as("dedup-decisions")
                        .withKeySerde(RecordLimit.keys()).withValueSerde(DedupSerdes.decisionInputs()))
                .process(() -> new DecisionProcessor(settings, window), Named.as("dedup-decide"),
                        DecisionProcessor.DECISIONS);
    }

    /** The source's publication time, else when the article was received: stable when reprocessed. */
    private static Instant publishedAt(ArticleReceived received) {
        return received.publishedAt() != null ? received.publishedAt() : received.occurredAt();
    }

    private static void addStores(StreamsBuilder builder, Duration window, boolean persistent) {
        builder.addStateStore(windowStore(BucketProcessor.MEMBERS, window, true, Serdes.String(), persistent));
        builder.addStateStore(windowStore(BucketProcessor.FINGERPRINTS, window, false, DedupSerdes.fingerprints(),
                persistent));
        builder.addStateStore(windowStore(DecisionProcessor.DECISIONS, window, false, DedupSerdes.articleDecisions(),
                persistent));
    }

    /** Entries are put at their arrival time; Streams drops whole segments once they leave the window. */
    private static <V> StoreBuilder<?> windowStore(String name, Duration window, boolean duplicates, Serde<V> values,
                                                   boolean persistent) {
        WindowBytesStoreSupplier store = persistent
                ? Stores.persistentWindowStore(name, window, ONE_MILLI, duplicates)
                : Stores.inMemoryWindowStore(name, window, ONE_MILLI, duplicates);
        return Stores.windowStoreBuilder(store, Serdes.String(), values);
    }
}
