package org.newsroom.enrich.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
import org.newsroom.contracts.Entity;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.DedupIndex;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.memory.Facts;
import org.newsroom.enrich.memory.Memory;

/**
 * The memory task (one partition, so every article meets every other): holds each usable version's findings in
 * {@code held-articles} (a changelogged window store, bounded by the dedup window), decides duplicates in the
 * production {@link DedupIndex}, and tells subscribers through the {@link VersionGate}: the arriving article with its
 * decision, then every earlier article whose decision it changed, read back from {@code held-articles}. The index
 * lives in the heap; it is rebuilt from {@code held-articles} whenever the task starts (after a restart, a failover,
 * or an aborted transaction), adding the held fingerprints again in arrival order, which decides as the live run did.
 *
 * <p>The task also owns the one {@link Memory} (who the people are, which story): the arriving article gets its
 * answers before the gate, and each earlier article whose answers it changed ({@link Memory.Revision}) is told again,
 * its names resolved anew. Memory's answers do not depend on order, so it is rebuilt from the held articles' facts
 * in whatever order the store gives them, then what fell out of its windows is forgotten.
 */
final class Remembering implements Processor<String, ArticleFindings, String, ArticleEnriched> {

    static final String HELD = "held-articles";
    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private final DedupSettings settings;
    private final Duration window;
    private final Duration retention;
    private final Enricher enricher;
    private ProcessorContext<String, ArticleEnriched> context;
    private WindowStore<String, ArticleFindings.Enriched> held;
    private VersionGate gate;
    private DedupIndex index;
    /** Null for a bare enricher (no people, no stories): each article keeps its draft's answers. */
    private Memory memory;

    Remembering(DedupSettings settings, Duration window, Duration retention, Enricher enricher) {
        this.settings = settings;
        this.window = window;
        this.retention = retention;
        this.enricher = enricher;
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
        this.memory = enricher.newMemory().orElse(null);
        if (memory != null) {
            try (KeyValueIterator<Windowed<String>, ArticleFindings.Enriched> all = held.all()) {
                remembered(all).forEach(memory::restore);
            }
            // What fell out of the windows while the task was down is forgotten; nobody is told of it.
            memory.expire();
        }
    }

    /** The facts of each held article's latest version: one per article, in no particular order. */
    static Collection<Facts> remembered(Iterator<KeyValue<Windowed<String>, ArticleFindings.Enriched>> held) {
        Map<String, KeyValue<Long, ArticleFindings.Enriched>> latest = new HashMap<>();
        held.forEachRemaining(entry -> latest.merge(entry.key.key(), KeyValue.pair(entry.key.window().start(), entry.value),
                (a, b) -> b.key >= a.key ? b : a));
        return latest.values().stream().map(entry -> DedupSerdes.memo(entry.value.memo()).facts()).toList();
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
        ArticleFindings.Memo memo = DedupSerdes.memo(enriched.memo());
        List<Decision> decisions = index.add(enriched.fingerprint(), Instant.ofEpochMilli(record.timestamp()));
        held.put(articleId, enriched, record.timestamp());
        Memory.Answer answer = memory == null ? null : memory.see(memo.facts());
        tell(record, articleId, findings, told(enriched, memo, decisions.getFirst(), answer));
        // Every earlier article whose duplicate decision, people or story changed, each once, in id order.
        Set<String> revised = new TreeSet<>();
        decisions.subList(1, decisions.size()).forEach(d -> revised.add(d.articleId()));
        if (answer != null) {
            answer.revisions().forEach(r -> revised.add(r.articleId()));
        }
        revised.remove(articleId);
        revised.forEach(id -> revise(record, id));
    }

    /**
     * An earlier article with its current decision and answers, unless it was since killed or replaced, or left the
     * window.
     */
    private void revise(Record<String, ArticleFindings> cause, String articleId) {
        ArticleFindings.Enriched earlier = latest(articleId, cause.timestamp());
        Decision decision = index.decisionOf(articleId);
        if (earlier == null || decision == null || !gate.admits(articleId, earlier.version(), earlier.pubStatus())) {
            return;
        }
        ArticleEnriched article = told(earlier, DedupSerdes.memo(earlier.memo()), decision,
                memory == null ? null : memory.answer(articleId));
        // Its own record, with the headers its article arrived with (its correlation id), not the cause's.
        tell(new Record<>(articleId, earlier, cause.timestamp(), new RecordHeaders()), articleId, earlier, article);
    }

    /** The held draft with memory's answers (when there is a memory) and the duplicate decision. */
    private ArticleEnriched told(ArticleFindings.Enriched held, ArticleFindings.Memo memo, Decision decision,
                                 Memory.Answer answer) {
        ArticleEnriched article = DedupSerdes.inflated(held.article());
        if (answer != null) {
            article = enricher.remembered(article, memo.recognised(), answer.people(), answer.storyId());
        }
        return decided(article, decision);
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
     * The article with its decision, as an event of its own: a re-emitted, improved decision or a revised person or
     * story must not reuse the first emission's id (CloudEvents consumers drop a repeated {@code ce_id} as a
     * duplicate), while the same answers emitted again after a restart keep their id. So the id is derived from what
     * makes the event: the decision, the story and the entity ids.
     */
    static ArticleEnriched decided(ArticleEnriched article, Decision decision) {
        ArticleEnriched decided = article.withDedup(decision.dedup());
        Dedup dedup = decided.dedup();
        String identity = String.join("|", decided.articleId(), Integer.toString(decided.version()),
                decided.enrichedAt().toString(), dedup.status().name(), dedup.canonicalId(), dedup.method(),
                String.valueOf(decided.storyId()),
                decided.entities().stream().map(Entity::id).collect(Collectors.joining(",")));
        return decided.withEventId(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)));
    }
}
