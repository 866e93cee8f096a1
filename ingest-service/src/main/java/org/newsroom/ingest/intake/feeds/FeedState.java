package org.newsroom.ingest.intake.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where a feed stands: the validators of the last document taken in (for a conditional GET), the ids of its
 * items already published, and when to fetch it next (later after each consecutive failure).
 *
 * @param seen ids of published items, oldest first, bounded so a long-lived feed does not grow it forever
 */
record FeedState(String etag, String lastModified, List<String> seen, int failures, Instant nextPollAt, String lastError) {

    static final int MAX_SEEN = 5_000;

    FeedState {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    static FeedState initial() {
        return new FeedState(null, null, List.of(), 0, Instant.EPOCH, null);
    }

    boolean isDue(Instant now) {
        return !now.isBefore(nextPollAt);
    }

    /** Unchanged since last time (HTTP 304): only the next fetch moves. */
    FeedState notModified(Instant next) {
        return new FeedState(etag, lastModified, seen, 0, next, null);
    }

    /** A document was taken in and Kafka acknowledged its new items: the position moves to it. */
    FeedState advanced(String newEtag, String newLastModified, List<String> published, Instant next) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(seen);
        published.forEach(id -> {
            ids.remove(id);
            ids.add(id);
        });
        List<String> kept = List.copyOf(ids);
        return new FeedState(newEtag, newLastModified, kept.subList(Math.max(0, kept.size() - MAX_SEEN), kept.size()),
                0, next, null);
    }

    /** The fetch, the document or Kafka failed: the position stays, and the wait doubles up to {@code maxBackoff}. */
    FeedState failed(String error, Instant now, Duration interval, Duration maxBackoff) {
        int count = failures + 1;
        Duration wait = interval.multipliedBy(1L << Math.min(count, 20));
        return new FeedState(etag, lastModified, seen, count, now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait), error);
    }
}
