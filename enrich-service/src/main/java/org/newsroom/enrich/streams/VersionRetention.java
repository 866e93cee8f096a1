package org.newsroom.enrich.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.newsroom.enrich.corrections.LastVersion;

/**
 * Bounds a version gate store: an article's entry is deleted once it has not been written for the retention.
 * Each entry keeps the wall-clock time of its last write (not the record's time, which the publisher sets: it
 * could neither keep an entry forever nor expire it at once). Every {@link #INTERVAL} a punctuation examines at most
 * {@link #MAX_EXAMINED} entries, going on where the previous one stopped, so its work between two records is bounded.
 */
final class VersionRetention {

    static final Duration INTERVAL = Duration.ofMinutes(10);
    static final int MAX_EXAMINED = 10_000;

    private final TimestampedKeyValueStore<String, LastVersion> store;
    private final long retentionMillis;
    private final int maxExamined;
    private String examinedLast;

    VersionRetention(TimestampedKeyValueStore<String, LastVersion> store, Duration retention, int maxExamined) {
        this.store = store;
        this.retentionMillis = retention.toMillis();
        this.maxExamined = maxExamined;
    }

    /** Expires {@code store}'s entries in wall-clock punctuations of {@code context}'s task. */
    static void schedule(ProcessingContext context, TimestampedKeyValueStore<String, LastVersion> store,
                         Duration retention) {
        VersionRetention expiry = new VersionRetention(store, retention, MAX_EXAMINED);
        context.schedule(INTERVAL, PunctuationType.WALL_CLOCK_TIME, expiry::expire);
    }

    /** Deletes the examined entries last written before {@code now} less the retention. */
    void expire(long now) {
        List<String> expired = new ArrayList<>();
        List<KeyValue<String, LastVersion>> unstamped = new ArrayList<>();
        int examined = 0;
        try (KeyValueIterator<String, ValueAndTimestamp<LastVersion>> entries =
                     examinedLast == null ? store.all() : store.range(examinedLast, null)) {
            while (examined < maxExamined && entries.hasNext()) {
                KeyValue<String, ValueAndTimestamp<LastVersion>> entry = entries.next();
                if (entry.key.equals(examinedLast)) {
                    continue;
                }
                examined++;
                examinedLast = entry.key;
                long writtenAt = entry.value.timestamp();
                if (writtenAt < 0) {
                    unstamped.add(KeyValue.pair(entry.key, entry.value.value()));
                } else if (writtenAt <= now - retentionMillis) {
                    expired.add(entry.key);
                }
            }
            if (!entries.hasNext()) {
                examinedLast = null;
            }
        }
        expired.forEach(store::delete);
        // Written before the store kept times (RocksDB upgrades such values with none): counted from now.
        unstamped.forEach(entry -> store.put(entry.key, ValueAndTimestamp.make(entry.value, now)));
    }
}
