package org.newsroom.enrich.streams;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.enrich.Enricher;
import org.newsroom.enrich.dedup.DedupSettings;
import org.newsroom.enrich.dedup.Fingerprinter;

/**
 * Raw articles to what subscribers are told, in two hops:
 * <ol>
 *   <li>sub-topology "articles", one task per raw partition, no state, where the CPU goes: {@code articles-enrich}
 *       drafts a usable version from itself alone ({@link Enricher#draft}: people as written, its own story), works
 *       out the facts memory takes and fingerprints it for dedup; a kill or hold passes as it is. Both go, keyed by
 *       article id, to the {@code article-findings} repartition topic, which has <b>one</b> partition;</li>
 *   <li>sub-topology "memory", one task: {@code memory-remember} ({@link Remembering}) holds the findings, decides
 *       duplicates, answers who the people are and which story (one {@code Memory}), and lets through the version gate what subscribers are to be told.</li>
 * </ol>
 * One partition for the memory is the price of one in-heap dedup index that every article meets; docs/dedup.md gives
 * its ceiling and how a deployment goes past it.
 */
final class ArticleFlow {

    static final String FINDINGS = "article-findings";

    private ArticleFlow() {
    }

    /**
     * @param enricher   drafts a usable version in the articles task; its {@link Enricher#newMemory memory} is
     *                   owned by the memory task, which applies its answers
     * @param window     how long an article stays a duplicate candidate after it arrived; bounds the held articles
     * @param retention  how long the version gate remembers an article after its entry was last written
     * @param persistent RocksDB stores (production), else in-memory ones (tests)
     * @param metrics    counts the revisions the memory task tells
     */
    static KStream<String, ArticleEnriched> of(StreamsBuilder builder, KStream<String, ArticleReceived> raw,
                                               Enricher enricher,
                                               DedupSettings settings, Duration window, Duration retention,
                                               boolean persistent, EnrichmentMetrics metrics) {
        return of(builder, raw, enricher::draft, enricher, settings, window, retention, persistent, metrics);
    }

    /**
     * Without memory: {@code enrichment} stands in for the whole of enrichment (tests of dedup and corrections), and
     * each article keeps its own answers.
     */
    static KStream<String, ArticleEnriched> withoutMemory(StreamsBuilder builder, KStream<String, ArticleReceived> raw,
                                                          Function<ArticleReceived, ArticleEnriched> enrichment,
                                                          DedupSettings settings, Duration window, Duration retention,
                                                          boolean persistent, EnrichmentMetrics metrics) {
        Enricher bare = new Enricher("none", Clock.systemUTC());
        return of(builder, raw, article -> {
            Enricher.Draft draft = bare.draft(article);
            return new Enricher.Draft(enrichment.apply(article), draft.memo(), draft.facts());
        }, bare, settings, window, retention, persistent, metrics);
    }

    private static KStream<String, ArticleEnriched> of(StreamsBuilder builder, KStream<String, ArticleReceived> raw,
                                                       Function<ArticleReceived, Enricher.Draft> drafts,
                                                       Enricher enricher, DedupSettings settings, Duration window,
                                                       Duration retention, boolean persistent,
                                                       EnrichmentMetrics metrics) {
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        builder.addStateStore(Remembering.heldStore(window, persistent));
        builder.addStateStore(VersionGate.store(persistent));
        return raw.mapValues((id, article) -> findings(id, article, drafts, fingerprinter),
                        Named.as("articles-enrich"))
                .repartition(Repartitioned.<String, ArticleFindings>as(FINDINGS).withNumberOfPartitions(1)
                        .withKeySerde(RecordLimit.keys()).withValueSerde(InternalSerdes.findings()))
                .process(() -> new Remembering(settings, window, retention, enricher, metrics), Named.as("memory-remember"),
                        Remembering.HELD, VersionGate.VERSIONS);
    }

    /** What {@code articles-enrich} ships to the memory task for one raw record. */
    static ArticleFindings findings(String articleId, ArticleReceived article,
                                            Function<ArticleReceived, Enricher.Draft> drafts,
                                            Fingerprinter fingerprinter) {
        RecordLimit.checkKey(articleId);
        if (article == null) {
            throw new IllegalArgumentException("A record without an article (a tombstone): kills carry a pubStatus");
        }
        if (!article.pubStatus().shown()) {
            return new ArticleFindings.TakenOut(article.version(), article.pubStatus());
        }
        Enricher.Draft draft = drafts.apply(article);
        ArticleEnriched enriched = draft.article();
        byte[] encoded = RecordLimit.checkArticle(DraftEncoding.encoded(enriched),
                () -> InternalSerdes.json(enriched));
        Instant publishedAt = publishedAt(article);
        return new ArticleFindings.Enriched(fingerprinter.fingerprint(articleId, publishedAt, enriched.paragraphs()),
                new HeldArticle(article.version(), publishedAt, encoded, DraftEncoding.encoded(draft.memo())));
    }

    /** The source's publication time, else when the article was received: stable when reprocessed. */
    private static Instant publishedAt(ArticleReceived received) {
        return received.publishedAt() != null ? received.publishedAt() : received.occurredAt();
    }
}
