package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and resident memory of named process trees, read from {@code /proc/<pid>/stat} (user + system ticks) and
 * {@code /proc/<pid>/status} (VmRSS). CPU is the share of one core since the previous sample: 200% is both
 * cores of a two-core machine.
 */
final class ProcessSampler {

    /** One process tree's use at one sample. */
    record Usage(double cpuPercent, double rssMb) {
    }

    static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> roots;
    private final Map<String, Long> previousTicks = new LinkedHashMap<>();
    private long previousNanos;

    ProcessSampler(Map<String, Long> roots) {
        this.roots = roots;
    }

    Map<String, Usage> sample() {
        long now = System.nanoTime();
        double seconds = previousNanos == 0 ? 0 : (now - previousNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        roots.forEach((name, pid) -> {
            long ticks = 0;
            long rssKb = 0;
            for (long member : tree(pid)) {
                ticks += ticks(member);
                rssKb += rssKb(member);
            }
            Long before = previousTicks.put(name, ticks);
            double cpu = before == null || seconds == 0 ? 0 : Math.max(0, ticks - before) / TICKS_PER_SECOND / seconds * 100;
            usage.put(name, new Usage(cpu, rssKb / 1024.0));
        });
        previousNanos = now;
        return usage;
    }

    /** {@code pid} and its descendants (for this JVM itself: only itself). */
    static List<Long> tree(long pid) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(handle -> {
            pids.add(pid);
            if (pid != ProcessHandle.current().pid()) {
                // this JVM's own descendants are the stack: counted under their own names
                handle.descendants().forEach(child -> pids.add(child.pid()));
            }
        });
        return pids;
    }

    /** utime + stime: fields 14 and 15 of stat, counted after the command name's closing parenthesis. */
    static long ticks(long pid) {
        return ticksOfStat(read(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The same for the text of a process's or a thread's {@code stat} file. */
    static long ticksOfStat(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long rssKb(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** Empty once the process has gone: a process that exits between listing and reading counts as nothing. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
