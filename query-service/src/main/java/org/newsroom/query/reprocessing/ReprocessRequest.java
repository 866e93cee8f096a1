package org.newsroom.query.reprocessing;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What {@code ./newsroom reprocess [--since=INSTANT] [--until=INSTANT]} asks for: re-enrich the raw records
 * published to Kafka in {@code [since, until)} (all of them when neither is given). With a range, the new index
 * starts from the current one's documents and only the range is re-enriched over them.
 */
record ReprocessRequest(Instant since, Instant until) {

    static final String USAGE = "usage: reprocess [--since=2026-01-31T00:00:00Z] [--until=2026-02-01T00:00:00Z]";

    ReprocessRequest {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since (" + since + ") must be before --until (" + until + ")");
        }
    }

    static ReprocessRequest parse(String... args) {
        Instant since = null;
        Instant until = null;
        for (String arg : args) {
            if (arg.startsWith("--since=")) {
                since = instant(arg, "--since=");
            } else if (arg.startsWith("--until=")) {
                until = instant(arg, "--until=");
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        return new ReprocessRequest(since, until);
    }

    /** Whether only part of the raw topic is replayed, so the rest of the new index comes from the current one. */
    boolean ranged() {
        return since != null || until != null;
    }

    /** Whether a replayed record, stamped {@code timestamp} on the raw topic, falls in the range. */
    boolean covers(long timestamp) {
        return (since == null || timestamp >= since.toEpochMilli()) && (until == null || timestamp < until.toEpochMilli());
    }

    private static Instant instant(String arg, String prefix) {
        String value = arg.substring(prefix.length());
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(prefix + " takes an ISO-8601 instant such as 2026-01-31T00:00:00Z, was '"
                    + value + "'");
        }
    }
}
