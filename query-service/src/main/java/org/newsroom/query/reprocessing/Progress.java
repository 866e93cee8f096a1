package org.newsroom.query.reprocessing;

import java.time.Duration;
import java.util.Locale;

/**
 * One reading of a replay's progress: raw records re-enriched out of those to replay (a total that grows while
 * live articles keep arriving), and documents written to the new index. The rate is over a recent window, so the
 * replay's start-up does not drag it down. Renders as a terminal progress line.
 *
 * @param recent raw records re-enriched during the last {@code window}
 */
record Progress(long done, long total, long indexed, long recent, Duration window) {

    private static final int BAR = 30;

    /** Raw records re-enriched per second lately. */
    double rate() {
        double seconds = window.toMillis() / 1000.0;
        return seconds > 0 ? recent / seconds : 0;
    }

    /** Time left at the recent rate; unknown (null) while nothing moves. */
    Duration eta() {
        double rate = rate();
        if (rate <= 0) {
            return null;
        }
        return Duration.ofSeconds(Math.round(Math.max(0, total - done) / rate));
    }

    String line() {
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * BAR);
        Duration eta = eta();
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d/%,d raw records  %,.0f/s  ETA %s  %,d indexed",
                "#".repeat(filled), ".".repeat(BAR - filled), Math.round(fraction * 100), done, total, rate(),
                eta == null ? "--:--" : clock(eta), indexed);
    }

    private static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
