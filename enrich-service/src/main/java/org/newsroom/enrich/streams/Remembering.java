package org.newsroom.enrich.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.newsroom.contracts.PubStatus;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.corrections.LastVersion;
import org.newsroom.enrich.dedup.DedupIndex;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Decision;
import org.newsroom.enrich.dedup.Fingerprint;
import org.newsroom.enrich.dedup.Fingerprinter;
import org.newsroom.enrich.memory.Facts;
import org.newsroom.enrich.memory.Memory;

/**
 * The memory task (one partition, so every article meets every other): holds each usable version's findings in
 * {@code held-articles} (a changelogged window store, bounded by the dedup window), decides duplicates in the
 * production {@link DedupIndex}, and tells subscribers through the {@link VersionGate}: the arriving article with its
 * decision, then every earlier article whose decision it changed, read back from {@code held-articles}. The index
 * lives in the heap; it is rebuilt from {@code held-articles} whenever the task starts (after a restart, a failover,
 * or an aborted transaction), fingerprinting the held articles again ({@link HeldArticle}) and adding them in arrival
 * order, which decides as the live run did.
 *
 * <p>The task also owns the one {@link Memory} (who the people are, which story): the arriving article gets its
 * answers before the gate, and each earlier article whose answers it changed ({@link Memory.Revision}) is told again,
 * its names resolved anew, unless it would tell what subscribers were last told ({@link VersionGate#repeats}). So the
 * last record per article depends on the set of articles, not on their order or on restarts. The memory is rebuilt
 * with the index, from the facts each held article carries ({@link Enricher.Memo}).
 */
final class Remembering implements Processor<String, ArticleFindings, String, ArticleEnriched> {

    static final String HELD = "held-articles";
    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private final DedupSettings settings;
    private final Duration window;
    private final Duration retention;
    private final Enricher enricher;
    private final EnrichmentMetrics metrics;
    private ProcessorContext<String, ArticleEnriched> context;
    private WindowStore<String, HeldArticle> held;
    private VersionGate gate;
    private DedupIndex index;
    /** Null for a bare enricher (no people, no stories): each article keeps its draft's answers. */
    private Memory memory;

    Remembering(DedupSettings settings, Duration window, Duration retention, Enricher enricher,
                EnrichmentMetrics metrics) {
        this.settings = settings;
        this.window = window;
        this.retention = retention;
        this.enricher = enricher;
        this.metrics = metrics;
    }

    /**
     * @param persistent RocksDB (production: state larger than memory, quick restarts), else in memory (tests)
     */
    static StoreBuilder<WindowStore<String, HeldArticle>> heldStore(Duration window, boolean persistent) {
        // Entries are put at their arrival time; Streams drops whole segments once they leave the window.
        WindowBytesStoreSupplier store = persistent ? Stores.persistentWindowStore(HELD, window, ONE_MILLI, false)
                : Stores.inMemoryWindowStore(HELD, window, ONE_MILLI, false);
        return Stores.windowStoreBuilder(store, Serdes.String(), InternalSerdes.held());
    }

    @Override
    public void init(ProcessorContext<String, ArticleEnriched> context) {
        this.context = context;
        this.held = context.getStateStore(HELD);
        this.gate = VersionGate.of(context, retention);
        this.memory = enricher.newMemory().orElse(null);
        try (KeyValueIterator<Windowed<String>, HeldArticle> all = held.all()) {
            this.index = rebuilt(all, settings, window, memory);
        }
    }

    /**
     * The index of the held articles, and {@code memory} (if any) restored from them. The store iterates by time
     * segment, then by key: the arrivals are put back in time order. Only the fingerprints and each article's latest
     * held version are kept meanwhile, not the parsed articles. The memory takes the facts of each article's latest
     * version, worked out once per article, in the order those arrived (its answers do not depend on order, but a
     * rebuild that replays the live order is the easier one to trust), then forgets what fell out of its windows
     * while the task was down; nobody is told of that.
     */
    static DedupIndex rebuilt(Iterator<KeyValue<Windowed<String>, HeldArticle>> held,
                              DedupSettings settings, Duration window, Memory memory) {
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        List<Arrival> arrivals = new ArrayList<>();
        Map<String, Latest> latest = new HashMap<>();
        held.forEachRemaining(entry -> {
            long at = entry.key.window().start();
            ArticleEnriched draft = DraftEncoding.article(entry.value.article());
            arrivals.add(new Arrival(at, entry.value.fingerprint(entry.key.key(), draft, fingerprinter)));
            if (memory != null) {
                latest.merge(entry.key.key(), new Latest(at, entry.value), (a, b) -> b.arrivedAt() >= a.arrivedAt() ? b : a);
            }
        });
        arrivals.sort(Comparator.comparingLong(Arrival::arrivedAt));
        DedupIndex index = new DedupIndex(settings, window);
        arrivals.forEach(arrival -> index.restore(arrival.fingerprint(), Instant.ofEpochMilli(arrival.arrivedAt())));
        if (memory != null) {
            // arrival order, ties by article id: the same rebuild on every instance and every restart
            latest.entrySet().stream()
                    .sorted(Map.Entry.<String, Latest>comparingByValue(Comparator.comparingLong(Latest::arrivedAt))
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(entry -> memory.restore(entry.getValue().facts()));
            memory.expire();
        }
        return index;
    }

    /** One held version as the index needs it: when it arrived, and its fingerprint. */
    private record Arrival(long arrivedAt, Fingerprint fingerprint) {
    }

    /** An article's latest held version, as the memory needs it: its facts, worked out once it is known latest. */
    private record Latest(long arrivedAt, HeldArticle version) {

        Facts facts() {
            return Enricher.facts(DraftEncoding.article(version.article()), version.publishedAt(),
                    DraftEncoding.memo(version.memo()));
        }
    }

    @Override
    public void process(Record<String, ArticleFindings> record) {
        String articleId = record.key();
        ArticleFindings findings = record.value();
        VersionGate.Known known = gate.known(articleId);
        if (!known.admits(findings.version(), findings.pubStatus())) {
            return;
        }
        if (!(findings instanceof ArticleFindings.Enriched enriched)) {
            // A kill or hold has no article: it leaves as a tombstone. The article stays in the dedup memory: a
            // copy of it is still a copy.
            tell(record, articleId, known, findings.version(), findings.pubStatus(), null);
            return;
        }
        List<Decision> decisions = index.add(enriched.fingerprint(), Instant.ofEpochMilli(record.timestamp()));
        held.put(articleId, enriched.held(), record.timestamp());
        ArticleEnriched draft = DraftEncoding.article(enriched.held().article());
        Enricher.Memo memo = memory == null ? null : DraftEncoding.memo(enriched.held().memo());
        Memory.Answer answer = memory == null ? null
                : memory.see(Enricher.facts(draft, enriched.fingerprint().publishedAt(), memo));
        tell(record, articleId, known, findings.version(), findings.pubStatus(),
                told(draft, memo, decisions.getFirst(), answer));
        // Every earlier article whose duplicate decision, people or story changed, each once, in id order.
        Map<String, Set<String>> revised = new TreeMap<>();
        decisions.subList(1, decisions.size()).forEach(d -> cause(revised, d.articleId(), "dedup"));
        Map<String, Memory.Revision> answers = new HashMap<>();
        if (answer != null) {
            for (Memory.Revision r : answer.revisions()) {
                answers.put(r.articleId(), r);
                if (r.people() != null) {
                    cause(revised, r.articleId(), "person");
                }
                if (r.storyId() != null) {
                    cause(revised, r.articleId(), "story");
                }
            }
        }
        revised.remove(articleId);
        revised.forEach((id, causes) -> revise(record, id, causes, answers.get(id)));
    }

    /**
     * An earlier article with its current decision and answers, unless it was since killed or replaced, or left the
     * window, or its answers are those subscribers were last told (a person renamed and named back, a story that
     * moved and returned, all within one arrival).
     */
    private static void cause(Map<String, Set<String>> revised, String articleId, String cause) {
        revised.computeIfAbsent(articleId, id -> new TreeSet<>()).add(cause);
    }

    /**
     * @param revision memory's new answers for the article, or null when only its duplicate decision changed: what
     *                 the revision lacks is looked up (the memory already worked out what it carries)
     */
    private void revise(Record<String, ArticleFindings> cause, String articleId, Set<String> causes,
                        Memory.Revision revision) {
        HeldArticle earlier = latest(articleId, cause.timestamp());
        Decision decision = index.decisionOf(articleId);
        if (earlier == null || decision == null) {
            return;
        }
        VersionGate.Known known = gate.known(articleId);
        if (!known.admits(earlier.version(), PubStatus.usable)) {
            return;
        }
        Enricher.Memo memo = memory == null ? null : DraftEncoding.memo(earlier.memo());
        ArticleEnriched article = told(DraftEncoding.article(earlier.article()), memo, decision,
                memory == null ? null : memory.answer(articleId, revision));
        long answers = LastVersion.answersOf(article);
        if (known.repeats(article.version(), answers)) {
            metrics.repeated();
            return;
        }
        metrics.revised(causes);
        // Its own record, with the headers its article arrived with (its correlation id), not the cause's.
        forward(articleId, known.tell(earlier.version(), PubStatus.usable, article, answers,
                new RecordHeaders()), cause.timestamp());
    }

    /** The held draft with memory's answers (when there is a memory) and the duplicate decision. */
    private ArticleEnriched told(ArticleEnriched draft, Enricher.Memo memo, Decision decision, Memory.Answer answer) {
        ArticleEnriched article = draft;
        if (answer != null) {
            article = enricher.remembered(article, memo, answer.people(), answer.storyId());
        }
        return article.withDedup(decision.dedup());
    }

    /** Through the gate, which gives the article its event id and the headers it goes with. */
    private void tell(Record<String, ArticleFindings> record, String articleId, VersionGate.Known known, int version,
                      PubStatus pubStatus, ArticleEnriched article) {
        forward(articleId, known.tell(version, pubStatus, article, record.headers()), record.timestamp());
    }

    /** What the gate let through, on to publishing, stamped with the arrival that caused it. */
    private void forward(String articleId, VersionGate.Told told, long timestamp) {
        context.forward(new Record<>(articleId, told.article(), timestamp, told.headers()));
    }

    private HeldArticle latest(String articleId, long now) {
        long from = now - window.toMillis();
        try (WindowStoreIterator<HeldArticle> entries = held.backwardFetch(articleId, from,
                now + window.toMillis())) {
            return entries.hasNext() ? entries.next().value : null;
        }
    }
}
