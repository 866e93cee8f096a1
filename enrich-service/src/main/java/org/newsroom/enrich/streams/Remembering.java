package org.newsroom.enrich.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.enrich.dedup.DedupIndex;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.dedup.Fingerprint;

/**
 * The memory task (one partition, so every article meets every other): holds each usable version's findings in
 * {@code held-articles} (a changelogged window store, bounded by the dedup window), decides duplicates in the
 * production {@link DedupIndex}, and tells subscribers through the {@link VersionGate}: the arriving article with its
 * decision, then every earlier article whose decision it changed, read back from {@code held-articles}. The index
 * lives in the heap; it is rebuilt from {@code held-articles} whenever the task starts (after a restart, a failover,
 * or an aborted transaction), adding the held fingerprints again in arrival order, which decides as the live run did.
 */
final class Remembering implements Processor<String, ArticleFindings, String, ArticleEnriched> {

    static final String HELD = "held-articles";
    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private final DedupSettings settings;
    private final Duration window;
    private final Duration retention;
    private ProcessorContext<String, ArticleEnriched> context;
    private WindowStore<String, ArticleFindings.Enriched> held;
    private VersionGate gate;
    private DedupIndex index;

    Remembering(DedupSettings settings, Duration window, Duration retention) {
        this.settings = settings;
        this.window = window;
        this.retention = retention;
    }

    /**
     * @param persistent RocksDB (production: state larger than memory, quick restarts), else in memory (tests)
     */
    static StoreBuilder<WindowStore<String, ArticleFindings.Enriched>> heldStore(Duration window, boolean persistent) {
        // Entries are put at their arrival time; Streams drops whole segments once they leave the window.
        WindowBytesStoreSupplier store = persistent ? Stores.persistentWindowStore(HELD, window, ONE_MILLI, false)
                : Stores.inMemoryWindowStore(HELD, window, ONE_MILLI, false);
        return Stores.windowStoreBuilder(store, Serdes.String(), DedupSerdes.held());
    }

    @Override
    public void init(ProcessorContext<String, ArticleEnriched> context) {
        this.context = context;
        this.held = context.getStateStore(HELD);
        this.gate = VersionGate.of(context, retention);
        try (KeyValueIterator<Windowed<String>, ArticleFindings.Enriched> all = held.all()) {
            this.index = rebuilt(all, settings, window);
        }
    }

    /**
     * The index of the held articles. The store iterates by time segment, then by key: the arrivals are put back in
     * time order. Only the fingerprints are kept meanwhile (the index holds them anyway), not the articles.
     */
    static DedupIndex rebuilt(Iterator<KeyValue<Windowed<String>, ArticleFindings.Enriched>> held,
                              DedupSettings settings, Duration window) {
        List<Held> arrivals = new ArrayList<>();
        held.forEachRemaining(entry -> arrivals.add(new Held(entry.key.window().start(), entry.value.fingerprint())));
        arrivals.sort(Comparator.comparingLong(Held::arrivedAt));
        DedupIndex index = new DedupIndex(settings, window);
        arrivals.forEach(arrival -> index.restore(arrival.fingerprint(), Instant.ofEpochMilli(arrival.arrivedAt())));
        return index;
    }

    private record Held(long arrivedAt, Fingerprint fingerprint) {
    }

    @Override
    public void process(Record<String, ArticleFindings> record) {
        String articleId = record.key();
        ArticleFindings findings = record.value();
        if (!gate.admits(articleId, findings.version(), findings.pubStatus())) {
            return;
        }
        if (!(findings instanceof ArticleFindings.Enriched enriched)) {
            // A kill or hold has no article: it leaves as a tombstone. The article stays in the dedup memory: a
            // copy of it is still a copy.
            tell(record, articleId, findings, null);
            return;
        }
        ArticleEnriched article = DedupSerdes.inflated(enriched.article());
        List<Decision> decisions = index.add(enriched.fingerprint(), Instant.ofEpochMilli(record.timestamp()));
        held.put(articleId, enriched, record.timestamp());
        tell(record, articleId, findings, decided(article, decisions.getFirst()));
        for (Decision revised : decisions.subList(1, decisions.size())) {
            revise(record, revised);
        }
    }

    /** An earlier article whose decision the arrival changed, unless it was since killed or replaced. */
    private void revise(Record<String, ArticleFindings> cause, Decision revised) {
        ArticleFindings.Enriched earlier = latest(revised.articleId(), cause.timestamp());
        if (earlier == null || !gate.admits(revised.articleId(), earlier.version(), earlier.pubStatus())) {
            return;
        }
        ArticleEnriched article = decided(DedupSerdes.inflated(earlier.article()), revised);
        // Its own record, with the headers its article arrived with (its correlation id), not the cause's.
        tell(new Record<>(revised.articleId(), earlier, cause.timestamp(), new RecordHeaders()), revised.articleId(),
                earlier, article);
    }

    private void tell(Record<String, ArticleFindings> record, String articleId, ArticleFindings findings,
                      ArticleEnriched article) {
        Headers headers = gate.tell(articleId, findings.version(), findings.pubStatus(), article, record.headers());
        context.forward(new Record<>(articleId, article, record.timestamp(), headers));
    }

    private ArticleFindings.Enriched latest(String articleId, long now) {
        long from = now - window.toMillis();
        try (WindowStoreIterator<ArticleFindings.Enriched> entries = held.backwardFetch(articleId, from,
                now + window.toMillis())) {
            return entries.hasNext() ? entries.next().value : null;
        }
    }

    /**
     * The article with its decision, as an event of its own: a re-emitted, improved decision must not reuse the
     * first emission's id (CloudEvents consumers drop a repeated {@code ce_id} as a duplicate), while the same
     * decision emitted again after a restart keeps its id. So the id is derived from what makes the event.
     */
    static ArticleEnriched decided(ArticleEnriched article, Decision decision) {
        ArticleEnriched decided = article.withDedup(decision.dedup());
        Dedup dedup = decided.dedup();
        String identity = String.join("|", decided.articleId(), Integer.toString(decided.version()),
                decided.enrichedAt().toString(), dedup.status().name(), dedup.canonicalId(), dedup.method());
        return decided.withEventId(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)));
    }
}
