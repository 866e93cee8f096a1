package org.newsroom.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Articles sent but not yet seen in search, by guid with their send time; polling Elasticsearch for the oldest
 * of them turns each into a drop-to-searchable latency (when a search first found it) and a drop-to-indexed
 * latency (query-service's {@code indexedAt}). Both ends are read on this machine's clock.
 */
final class Markers {

    /** One article's way through, in seconds. */
    record Seen(String intake, String guid, long sentAtMillis, double searchable, double indexed) {
    }

    private record Sent(long atMillis, String intake) {
    }

    private static final int POLL_BATCH = 5000;

    private final SearchIndex index;
    private final Map<String, Sent> pending = new LinkedHashMap<>();
    private final List<Seen> seen = new ArrayList<>();

    Markers(SearchIndex index) {
        this.index = index;
    }

    synchronized void sent(List<String> guids, String intake, long atMillis) {
        guids.forEach(guid -> pending.put(guid, new Sent(atMillis, intake)));
    }

    synchronized int pending() {
        return pending.size();
    }

    synchronized int found() {
        return seen.size();
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** One search for the oldest pending markers; returns how many it found. */
    int poll() {
        List<String> oldest;
        synchronized (this) {
            oldest = pending.keySet().stream().limit(POLL_BATCH).toList();
        }
        if (oldest.isEmpty()) {
            return 0;
        }
        Map<String, Instant> found = new HashMap<>(index.searchable(oldest));
        long now = System.currentTimeMillis();
        synchronized (this) {
            found.forEach((guid, indexedAt) -> {
                Sent sent = pending.remove(guid);
                if (sent != null) {
                    double indexed = indexedAt == null ? Double.NaN : (indexedAt.toEpochMilli() - sent.atMillis()) / 1000.0;
                    seen.add(new Seen(sent.intake(), guid, sent.atMillis(), (now - sent.atMillis()) / 1000.0, indexed));
                }
            });
        }
        return found.size();
    }
}
