package org.newsroom.enrich.streams;

import static org.newsroom.enrich.streams.EnrichmentTopology.serde;

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
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
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
 * screened the same way (store {@code article-arrivals}) before enrichment.
 */
final class VersionGate implements Processor<String, ArticleChange, String, ArticleEnriched> {

    static final String VERSIONS = "article-versions";
    static final String ARRIVALS = "article-arrivals";

    private ProcessorContext<String, ArticleEnriched> context;
    private KeyValueStore<String, LastVersion> versions;

    /**
     * @param enrichment what usable articles go through (enrichment and dedup), keyed by article id at both ends
     * @param persistent a RocksDB store (production), else an in-memory one (tests)
     */
    static KStream<String, ArticleEnriched> gated(StreamsBuilder builder, KStream<String, ArticleReceived> raw,
            Function<KStream<String, ArticleReceived>, KStream<String, ArticleEnriched>> enrichment,
            boolean persistent) {
        builder.addStateStore(store(VERSIONS, persistent));
        builder.addStateStore(store(ARRIVALS, persistent));
        // Stale versions are dropped on arrival too, so they cost no enrichment and leave the dedup state alone.
        KStream<String, ArticleReceived> current = raw.processValues(StaleArrivals::new, Named.as("versions-arrivals"),
                ARRIVALS);
        KStream<String, ArticleChange> enriched = enrichment.apply(
                        current.filter((id, article) -> article.pubStatus().shown(), Named.as("versions-usable")))
                .mapValues(ArticleChange.Enriched::new, Named.as("versions-enriched"));
        KStream<String, ArticleChange> takenOut = current
                .filterNot((id, article) -> article.pubStatus().shown(), Named.as("versions-taken-out"))
                .mapValues(article -> new ArticleChange.TakenOut(article.version(), article.pubStatus()),
                        Named.as("versions-kills"));
        return enriched.merge(takenOut, Named.as("versions-merge"))
                .repartition(Repartitioned.<String, ArticleChange>as(VERSIONS)
                        .withKeySerde(Serdes.String()).withValueSerde(serde(ArticleChange.class)))
                .process(VersionGate::new, Named.as("versions-gate"), VERSIONS);
    }

    private static StoreBuilder<KeyValueStore<String, LastVersion>> store(String name, boolean persistent) {
        KeyValueBytesStoreSupplier store = persistent ? Stores.persistentKeyValueStore(name)
                : Stores.inMemoryKeyValueStore(name);
        return Stores.keyValueStoreBuilder(store, Serdes.String(), serde(LastVersion.class));
    }

    /** Lets an arriving article through only if it replaces the newest version that arrived before it. */
    private static final class StaleArrivals implements FixedKeyProcessor<String, ArticleReceived, ArticleReceived> {

        private FixedKeyProcessorContext<String, ArticleReceived> context;
        private KeyValueStore<String, LastVersion> arrivals;

        @Override
        public void init(FixedKeyProcessorContext<String, ArticleReceived> context) {
            this.context = context;
            this.arrivals = context.getStateStore(ARRIVALS);
        }

        @Override
        public void process(FixedKeyRecord<String, ArticleReceived> record) {
            ArticleReceived article = record.value();
            LastVersion last = arrivals.get(record.key());
            if (last == null || last.replacedBy(article.version(), article.pubStatus())) {
                arrivals.put(record.key(), LastVersion.of(article.version(), article.pubStatus(), List.of()));
                context.forward(record);
            }
        }
    }

    @Override
    public void init(ProcessorContext<String, ArticleEnriched> context) {
        this.context = context;
        this.versions = context.getStateStore(VERSIONS);
    }

    @Override
    public void process(Record<String, ArticleChange> record) {
        LastVersion last = versions.get(record.key());
        ArticleChange change = record.value();
        if (last != null && !last.replacedBy(change.version(), change.pubStatus())) {
            return;
        }
        // A kill or hold has no article: it leaves as a tombstone.
        ArticleEnriched article = change instanceof ArticleChange.Enriched enriched ? enriched.article() : null;
        List<Tag> tags = article == null ? List.of() : article.tags();
        versions.put(record.key(), LastVersion.of(change.version(), change.pubStatus(), tags));
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(DroppedTags.HEADER);
        List<Tag> dropped = last == null ? List.of() : last.droppedBy(tags);
        if (!dropped.isEmpty()) {
            headers.add(DroppedTags.HEADER, DroppedTags.encoded(dropped));
        }
        context.forward(new Record<>(record.key(), article, record.timestamp(), headers));
    }
}
