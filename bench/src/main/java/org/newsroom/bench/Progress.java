package org.newsroom.bench;

/** One line per phase, rewritten in place with the count, the rate and the time left. */
final class Progress {

    private final String phase;
    private final long started = System.nanoTime();
    private long lastPrinted;
    private int lastLength;

    Progress(String phase) {
        this.phase = phase;
    }

    /** Prints at most four times a second; {@code total} 0 means no known end. */
    void update(long done, long total, String unit, String extra) {
        long now = System.nanoTime();
        if (now - lastPrinted < 250_000_000L && done < total) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = total > 0 && rate > 0 && done < total ? "ETA %.0f s".formatted((total - done) / rate) : "";
        String speed = unit.equals("s") ? "" : "%.0f %s/s  ".formatted(rate, unit);
        String line = "[bench] %-22s %,d%s %s  %s%.0f s  %s %s".formatted(phase, done,
                total > 0 ? "/" + "%,d".formatted(total) : "", unit, speed, seconds, eta, extra).stripTrailing();
        System.out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        System.out.flush();
        lastLength = line.length();
    }

    void done(String summary) {
        String line = "[bench] %-22s %s".formatted(phase, summary);
        System.out.println("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
