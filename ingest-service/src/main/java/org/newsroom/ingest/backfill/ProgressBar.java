package org.newsroom.ingest.backfill;

import java.io.PrintStream;
import java.time.Duration;

/** A one-line progress bar redrawn in place: units done, articles per second and the time left. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = Duration.ofMillis(250).toNanos();

    private final PrintStream out;
    private final long total;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastDrawn;

    ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = total;
        this.unit = unit;
    }

    void update(long done, long articles) {
        long now = System.nanoTime();
        if (now - lastDrawn >= REDRAW_NANOS || done == total) {
            lastDrawn = now;
            out.print("\r" + line(done, articles, Duration.ofNanos(now - start)));
            out.flush();
        }
    }

    void finish() {
        out.println();
    }

    String line(long done, long articles, Duration elapsed) {
        double share = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(share * WIDTH);
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        double unitsPerSecond = done / seconds;
        long left = unitsPerSecond > 0 ? Math.round((total - done) / unitsPerSecond) : -1;
        return "[%s%s] %,d/%,d %s %3d%%  %,.0f articles/s  ETA %s  ".formatted("#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, unit, Math.round(share * 100), articles / seconds, left < 0 ? "?" : clock(left));
    }

    private static String clock(long seconds) {
        return "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
