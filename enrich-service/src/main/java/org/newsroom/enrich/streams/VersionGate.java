package org.newsroom.enrich.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Tag;
import org.newsroom.enrich.corrections.LastVersion;
import org.newsroom.enrich.routing.DroppedTags;

/**
 * Corrections and kills, in the memory task: the last version subscribers were told about, per article (store
 * {@code article-versions}, changelogged), and the rule ({@link LastVersion}) that lets a version or a re-decided
 * article through only if it replaces that one. A stale version arriving late is refused before it enters the dedup
 * memory; a kill becomes a tombstone naming the tags its article was routed by. An article's versions and kills
 * reach the memory task in the order they arrived on their raw partition, whatever their enrichment cost, so a kill
 * cannot be overtaken by its article. The store forgets an article not written for the retention
 * ({@link VersionRetention}); a version arriving after that is taken as new. It also gives each record told its
 * event id, and refuses a revision that would repeat the answers last told ({@link LastVersion}).
 */
final class VersionGate {

    static final String VERSIONS = "article-versions";

    private final ProcessingContext context;
    private final TimestampedKeyValueStore<String, LastVersion> versions;

    private VersionGate(ProcessingContext context, TimestampedKeyValueStore<String, LastVersion> versions) {
        this.context = context;
        this.versions = versions;
    }

    /** The gate of a memory task, its store expired in wall-clock punctuations. */
    static VersionGate of(ProcessingContext context, Duration retention) {
        TimestampedKeyValueStore<String, LastVersion> versions = context.getStateStore(VERSIONS);
        VersionRetention.schedule(context, versions, retention);
        return new VersionGate(context, versions);
    }

    /**
     * @param persistent a RocksDB store (production), else an in-memory one (tests). Cached: an arrival and the
     *                   re-decisions it causes within one commit write the changelog once per article
     */
    static StoreBuilder<TimestampedKeyValueStore<String, LastVersion>> store(boolean persistent) {
        // A store of an earlier release (no times) is upgraded in place by RocksDB's timestamped store.
        KeyValueBytesStoreSupplier store = persistent ? Stores.persistentTimestampedKeyValueStore(VERSIONS)
                : Stores.inMemoryKeyValueStore(VERSIONS);
        return Stores.timestampedKeyValueStoreBuilder(store, Serdes.String(), InternalSerdes.versions()).withCachingEnabled();
    }

    /**
     * What subscribers were last told about the article, read from the store once per arrival or revision: the rules
     * below answer from it, and {@link Known#tell} records the next record told.
     */
    Known known(String articleId) {
        ValueAndTimestamp<LastVersion> entry = versions.get(articleId);
        return new Known(articleId, entry == null ? null : entry.value());
    }

    /** What subscribers are told: the article as an event of its own (null: a tombstone), and its headers. */
    record Told(ArticleEnriched article, Headers headers) {
    }

    /** One article's last version told (null: nothing yet, or forgotten), and the gate's rules on it. */
    final class Known {

        private final String articleId;
        private final LastVersion last;

        private Known(String articleId, LastVersion last) {
            this.articleId = articleId;
            this.last = last;
        }

        /** Whether {@code version} in {@code status} replaces what subscribers were told about the article. */
        boolean admits(int version, PubStatus status) {
            return last == null || last.replacedBy(version, status);
        }

        /**
         * Whether telling version {@code version} with {@code answers} ({@link LastVersion#answersOf}) would only
         * repeat what subscribers were last told about the article (same version, same answers): such a revision is
         * not told, so that a consumer sees each article's answers change, never stay.
         */
        boolean repeats(int version, long answers) {
            return last != null && last.repeatedBy(version, answers);
        }

        /**
         * Records that subscribers are told about {@code article} (null: the kill or hold of {@code version}) and
         * returns it with its event id ({@link #eventId}), and the headers to tell them with: {@code headers} with
         * the tags the previous version was routed by and this one drops. Call once, and only for what
         * {@link #admits} let through: the next arrival reads the store afresh.
         */
        Told tell(int version, PubStatus status, ArticleEnriched article, Headers headers) {
            return tell(version, status, article, article == null ? 0 : LastVersion.answersOf(article), headers);
        }

        /** The same, with the article's answers digest already worked out (a revision has it from {@link #repeats}). */
        Told tell(int version, PubStatus status, ArticleEnriched article, long answers, Headers headers) {
            int told = last == null ? 1 : last.told() + 1;
            List<Tag> tags = article == null ? List.of() : article.tags();
            versions.put(articleId, ValueAndTimestamp.make(LastVersion.of(version, status, tags, told, answers),
                    context.currentSystemTimeMs()));
            RecordHeaders toldHeaders = new RecordHeaders(headers.toArray());
            toldHeaders.remove(DroppedTags.HEADER);
            List<Tag> dropped = last == null ? List.of() : last.droppedBy(tags);
            if (!dropped.isEmpty()) {
                toldHeaders.add(DroppedTags.HEADER, DroppedTags.encoded(dropped));
            }
            return new Told(article == null ? null : article.withEventId(eventId(article, told)), toldHeaders);
        }
    }

    /**
     * Every record told about an article is an event of its own: CloudEvents consumers drop a repeated id, so a
     * revision must never reuse one, even when its answers flip back to earlier ones. The id comes from the article,
     * its version, when that version was enriched (so a replay run, which counts anew, tells other ids) and how many
     * records were told about it. The count commits with the output, so the
     * attempt that replaces an aborted transaction counts from the same place.
     */
    static UUID eventId(ArticleEnriched article, int told) {
        String identity = String.join("|", article.articleId(), Integer.toString(article.version()),
                article.enrichedAt().toString(), Integer.toString(told));
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
