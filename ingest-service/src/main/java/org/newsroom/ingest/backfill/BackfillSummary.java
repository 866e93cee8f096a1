package org.newsroom.ingest.backfill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What became of every item of a backfill: acknowledged by Kafka, skipped because an earlier item of the same
 * run had the same article id, or failed with a reason. {@code items} is always the sum of the three.
 *
 * @param failures each reason with how many items failed for it and one example of where
 */
record BackfillSummary(long items, long accepted, long duplicates, long failed, Map<String, Failures> failures,
                       Duration elapsed) {

    record Failures(long count, String example) {
    }

    double articlesPerSecond() {
        return elapsed.isZero() ? 0 : accepted * 1000.0 / Math.max(1, elapsed.toMillis());
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>(List.of(
                "items:         %,d".formatted(items),
                "accepted:      %,d (acknowledged by Kafka)".formatted(accepted),
                "duplicate id:  %,d (same article id as an earlier item of this run)".formatted(duplicates),
                "failed:        %,d".formatted(failed),
                "elapsed:       %.1f s, %,.0f articles/s".formatted(elapsed.toMillis() / 1000.0, articlesPerSecond())));
        failures.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().count(), a.getValue().count()))
                .limit(30)
                .forEach(entry -> lines.add("  %,6d x %s (e.g. %s)".formatted(entry.getValue().count(), entry.getKey(),
                        entry.getValue().example())));
        if (failures.size() > 30) {
            lines.add("  ... and %d more reasons".formatted(failures.size() - 30));
        }
        return lines;
    }
}
