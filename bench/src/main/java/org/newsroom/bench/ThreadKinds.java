package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JVM's CPU split by what its threads do, read from {@code /proc/<pid>/task/<tid>/stat} twice around a phase: the
 * JIT compiler's threads are a cost of a process that is still warming up, not of each article, so the bench shows
 * them apart from the work: a deployment that runs for days pays the compiler once per start. The collector's
 * (young collections grow with what each article allocates; the VM thread also runs other safepoint operations) is
 * an ongoing cost like the work, shown apart so that heap settings can be judged.
 *
 * <p>Threads are told apart by the names HotSpot gives them ({@code C2 CompilerThread0}, {@code GC Thread#0},
 * {@code G1 Conc#0}, ...; the kernel keeps the first 15 characters). Only threads alive at the end of the phase are
 * attributed; the CPU of a thread that ended during it stays in the process's total and is counted as work, so
 * the compiler's and collector's figures are never overstated.
 */
final class ThreadKinds {

    /** Ticks of a process tree at one moment: all of them, and those of its compiler and collector threads. */
    record Ticks(long total, Map<String, Long> compilerByThread, Map<String, Long> collectorByThread) {
    }

    /**
     * What one article cost a process over a phase, in CPU milliseconds, by kind of thread; and the CPU seconds its
     * compiler threads had used since the process started, at the end of the phase (what a start costs; a lower
     * bound where HotSpot has retired extra compiler threads, which it does not with one C1 and one C2 thread, as on
     * two cores). Null in results written before it was measured.
     */
    record PerArticle(String process, double workMs, double compilerMs, double collectorMs,
                      Double compilerSinceStartSeconds) {
        double totalMs() {
            return workMs + compilerMs + collectorMs;
        }

        /** The work and the collector: what every article costs, the compiler (what a start costs) left out. */
        double everyArticleMs() {
            return workMs + collectorMs;
        }
    }

    private ThreadKinds() {
    }

    static Map<String, Ticks> snapshot(Map<String, Long> roots) {
        Map<String, Ticks> ticks = new LinkedHashMap<>();
        roots.forEach((name, pid) -> ticks.put(name, ticksOf(pid)));
        return ticks;
    }

    static List<PerArticle> perArticle(Map<String, Ticks> before, Map<String, Ticks> after, long articles) {
        return after.entrySet().stream().filter(entry -> before.containsKey(entry.getKey())).map(entry -> {
            Ticks start = before.get(entry.getKey());
            Ticks end = entry.getValue();
            long total = Math.max(0, end.total() - start.total());
            long compiler = Math.min(total, grown(start.compilerByThread(), end.compilerByThread()));
            long collector = Math.min(total - compiler, grown(start.collectorByThread(), end.collectorByThread()));
            return new PerArticle(entry.getKey(), millisPerArticle(total - compiler - collector, articles),
                    millisPerArticle(compiler, articles), millisPerArticle(collector, articles),
                    end.compilerByThread().values().stream().mapToLong(Long::longValue).sum() / ProcessSampler.TICKS_PER_SECOND);
        }).toList();
    }

    /** HotSpot's compiler threads: {@code C1 CompilerThread0}, {@code C2 CompilerThread1}. */
    static boolean isCompiler(String threadName) {
        return threadName.contains("CompilerThre");
    }

    /** The collector's threads (G1, Parallel, Serial, ZGC, Shenandoah) and the VM thread that runs its pauses. */
    static boolean isCollector(String threadName) {
        return threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")
                || threadName.startsWith("ZWorker") || threadName.startsWith("ZDriver") || threadName.startsWith("Shenandoah");
    }

    private static long grown(Map<String, Long> before, Map<String, Long> after) {
        long sum = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            sum += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return sum;
    }

    private static double millisPerArticle(long ticks, long articles) {
        return articles == 0 ? Double.NaN : ticks / ProcessSampler.TICKS_PER_SECOND * 1000 / articles;
    }

    private static Ticks ticksOf(long root) {
        long total = 0;
        Map<String, Long> compiler = new LinkedHashMap<>();
        Map<String, Long> collector = new LinkedHashMap<>();
        for (long pid : ProcessSampler.tree(root)) {
            total += ProcessSampler.ticks(pid);
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String stat = ProcessSampler.read(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < open) {
                        continue;
                    }
                    String thread = stat.substring(open + 1, close);
                    String key = pid + "/" + task.getFileName();
                    if (isCompiler(thread)) {
                        compiler.put(key, ProcessSampler.ticksOfStat(stat));
                    } else if (isCollector(thread)) {
                        collector.put(key, ProcessSampler.ticksOfStat(stat));
                    }
                }
            } catch (IOException | UncheckedIOException gone) {
                // the process ended between listing and reading: it counts as nothing, like ProcessSampler
            }
        }
        return new Ticks(total, compiler, collector);
    }
}
