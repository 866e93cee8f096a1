package org.newsroom.enrich.streams;

import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.corrections.LastVersion;
import org.newsroom.enrich.routing.DroppedTags;

/**
 * Corrections and kills: usable articles go through enrichment and dedup, kills and holds go around them, and
 * both meet, keyed by article id, at one gate that remembers the last version subscribers were told about
 * (store {@code article-versions}, changelogged). The gate lets a record through only if it replaces that
 * version ({@link LastVersion}): a stale version arriving late is dropped, a kill becomes a tombstone.
 * Meeting after dedup matters: a kill overtaking its article's enrichment must still win. Arrivals are
 * screened the same way (store {@code article-arrivals}) before enrichment. Both stores forget an article not
 * written for the retention ({@link VersionRetention}); a version arriving after that is taken as new.
 */
final class VersionGate implements Processor<String, ArticleChange, String, ArticleEnriched> {

    static final String VERSIONS = "article-versions";
    static final String ARRIVALS = "article-arrivals";

    private final Duration retention;
    private ProcessorContext<String, ArticleEnriched> context;
    private TimestampedKeyValueStore<String, LastVersion> versions;

    private VersionGate(Duration retention) {
        this.retention = retention;
    }

    /**
     * @param enrichment what usable articles go through (enrichment and dedup), keyed by article id at both ends
     * @param retention  how long both stores remember an article after its entry was last written
     * @param persistent a RocksDB store (production), else an in-memory one (tests)
     */
    static KStream<String, ArticleEnriched> gated(StreamsBuilder builder, KStream<String, ArticleReceived> raw,
            Function<KStream<String, ArticleReceived>, KStream<String, ArticleEnriched>> enrichment,
            Duration retention, boolean persistent) {
        builder.addStateStore(store(VERSIONS, persistent));
        builder.addStateStore(store(ARRIVALS, persistent));
        // Stale versions are dropped on arrival too, so they cost no enrichment and leave the dedup state alone.
        KStream<String, ArticleReceived> current = raw.processValues(() -> new StaleArrivals(retention),
                Named.as("versions-arrivals"), ARRIVALS);
        KStream<String, ArticleChange> enriched = enrichment.apply(
                        current.filter((id, article) -> article.pubStatus().shown(), Named.as("versions-usable")))
                .mapValues(ArticleChange.Enriched::new, Named.as("versions-enriched"));
        KStream<String, ArticleChange> takenOut = current
                .filterNot((id, article) -> article.pubStatus().shown(), Named.as("versions-taken-out"))
                .mapValues(article -> new ArticleChange.TakenOut(article.version(), article.pubStatus()),
                        Named.as("versions-kills"));
        return enriched.merge(takenOut, Named.as("versions-merge"))
                .repartition(Repartitioned.<String, ArticleChange>as(VERSIONS).withKeySerde(RecordLimit.keys())
                        .withValueSerde(RecordLimit.values(serde(ArticleChange.class))))
                .process(() -> new VersionGate(retention), Named.as("versions-gate"), VERSIONS);
    }

    /** Each value with the wall-clock time it was written at ({@link VersionRetention}). */
    private static StoreBuilder<TimestampedKeyValueStore<String, LastVersion>> store(String name, boolean persistent) {
        // A store of an earlier release (no times) is upgraded in place by RocksDB's timestamped store.
        KeyValueBytesStoreSupplier store = persistent ? Stores.persistentTimestampedKeyValueStore(name)
                : Stores.inMemoryKeyValueStore(name);
        return Stores.timestampedKeyValueStoreBuilder(store, Serdes.String(), serde(LastVersion.class));
    }

    /** Lets an arriving article through only if it replaces the newest version that arrived before it. */
    private static final class StaleArrivals implements FixedKeyProcessor<String, ArticleReceived, ArticleReceived> {

        private final Duration retention;
        private FixedKeyProcessorContext<String, ArticleReceived> context;
        private TimestampedKeyValueStore<String, LastVersion> arrivals;

        private StaleArrivals(Duration retention) {
            this.retention = retention;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, ArticleReceived> context) {
            this.context = context;
            this.arrivals = context.getStateStore(ARRIVALS);
            VersionRetention.schedule(context, arrivals, retention);
        }

        @Override
        public void process(FixedKeyRecord<String, ArticleReceived> record) {
            RecordLimit.checkKey(record.key());
            ArticleReceived article = record.value();
            LastVersion last = last(arrivals, record.key());
            if (last == null || last.replacedBy(article.version(), article.pubStatus())) {
                LastVersion arrived = LastVersion.of(article.version(), article.pubStatus(), List.of());
                arrivals.put(record.key(), ValueAndTimestamp.make(arrived, context.currentSystemTimeMs()));
                context.forward(record);
            }
        }
    }

    @Override
    public void init(ProcessorContext<String, ArticleEnriched> context) {
        this.context = context;
        this.versions = context.getStateStore(VERSIONS);
        VersionRetention.schedule(context, versions, retention);
    }

    @Override
    public void process(Record<String, ArticleChange> record) {
        LastVersion last = last(versions, record.key());
        ArticleChange change = record.value();
        if (last != null && !last.replacedBy(change.version(), change.pubStatus())) {
            return;
        }
        // A kill or hold has no article: it leaves as a tombstone.
        ArticleEnriched article = change instanceof ArticleChange.Enriched enriched ? enriched.article() : null;
        List<Tag> tags = article == null ? List.of() : article.tags();
        versions.put(record.key(), ValueAndTimestamp.make(LastVersion.of(change.version(), change.pubStatus(), tags),
                context.currentSystemTimeMs()));
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(DroppedTags.HEADER);
        List<Tag> dropped = last == null ? List.of() : last.droppedBy(tags);
        if (!dropped.isEmpty()) {
            headers.add(DroppedTags.HEADER, DroppedTags.encoded(dropped));
        }
        context.forward(new Record<>(record.key(), article, record.timestamp(), headers));
    }

    private static LastVersion last(TimestampedKeyValueStore<String, LastVersion> store, String articleId) {
        ValueAndTimestamp<LastVersion> entry = store.get(articleId);
        return entry == null ? null : entry.value();
    }
}
