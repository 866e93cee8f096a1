package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.PubStatus;
import org.newsroom.enrich.corrections.LastVersion;

/** The expiry of a version gate store, run by hand: what it deletes, and how much it looks at per run. */
class VersionRetentionTests {

    private static final Duration RETENTION = Duration.ofDays(90);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long START = 1_700_000_000_000L;

    private TimestampedKeyValueStore<String, LastVersion> store;

    @BeforeEach
    void openStore() {
        store = Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore("versions"), Serdes.String(),
                InternalSerdes.versions()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void deletesEntriesNotWrittenForTheRetentionAndKeepsTheOthers() {
        written("a-old", START);
        written("b-recent", START + 30 * DAY);
        written("c-at-the-limit", START + DAY);

        new VersionRetention(store, RETENTION, 100).expire(START + 91 * DAY);

        assertThat(keys()).containsExactly("b-recent");
    }

    @Test
    void examinesAtMostItsBatchPerRunAndGoesOnWhereItStopped() {
        for (String key : List.of("a", "b", "c", "d", "e")) {
            written(key, START);
        }
        VersionRetention expiry = new VersionRetention(store, RETENTION, 2);
        long later = START + 100 * DAY;

        expiry.expire(later);
        assertThat(keys()).containsExactly("c", "d", "e");
        expiry.expire(later);
        assertThat(keys()).containsExactly("e");
        written("a", later);
        expiry.expire(later);
        assertThat(keys()).as("e deleted, then the next run starts over at a").containsExactly("a");
    }

    @Test
    void countsAnEntryWithoutAWriteTimeFromTheRunThatFindsIt() {
        // What RocksDB's timestamped store makes of a value written before the store kept times.
        written("upgraded", -1);
        VersionRetention expiry = new VersionRetention(store, RETENTION, 100);

        expiry.expire(START);
        assertThat(store.get("upgraded").timestamp()).isEqualTo(START);
        expiry.expire(START + 89 * DAY);
        assertThat(keys()).containsExactly("upgraded");
        expiry.expire(START + 90 * DAY);
        assertThat(keys()).isEmpty();
    }

    private void written(String articleId, long at) {
        store.put(articleId, ValueAndTimestamp.make(LastVersion.of(1, PubStatus.usable, List.of(), 1, 0), at));
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<LastVersion>> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
