package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code ./newsroom enrich-profile} (after the bench it runs): where enrich-service's CPU went, from a JFR
 * recording of it, by the parts docs/benchmarks.md reports. Each execution sample counts once, in the first part
 * (in the order below) one of whose frames it holds, so the shares add up to 100%; the draft is split again by the
 * step {@code Enricher.drafted} was running. Execution samples see Java frames only: work in native code (zstd,
 * RocksDB, waking the producer) is counted apart, from the native-method samples of the stream threads that were not
 * waiting for the network.
 */
public final class JfrShares {

    /**
     * A part of enrich's work: the samples holding, for each of {@code frames}, a frame whose class and method name
     * contain it.
     */
    record Part(String name, String... frames) {
    }

    static final List<Part> ENRICH = List.of(
            new Part("the per-article log line", "EnrichmentTopology.published"),
            new Part("publishing: the enriched JSON and its headers", "Publishing$Publish.process"),
            new Part("the held draft read back (memory task)", "DraftEncoding.article"),
            new Part("the held memo read back", "DraftEncoding.memo"),
            new Part("stories", "clustering.Stories."),
            new Part("people", "entities.People."),
            new Part("the dedup index", "dedup.DedupIndex."),
            new Part("facts worked out again (memory task)", "Enricher.facts", "Remembering."),
            new Part("the version gate", "streams.VersionGate."),
            new Part("the held store", "WindowStore"),
            new Part("the memory task, other", "Remembering.process"),
            new Part("the fingerprint", "Fingerprinter.fingerprint"),
            new Part("the draft encoded (articles task)", "DraftEncoding.encoded"),
            new Part("the draft", "Enricher.draft"),
            new Part("the articles task, other", "ArticleFlow.findings"),
            new Part("the raw record's JSON read", "JacksonJsonDeserializer"),
            new Part("the internal records' serdes", "InternalSerdes"),
            new Part("producer sends", "RecordCollectorImpl.send"),
            new Part("commits", "TaskManager.commit"),
            new Part("polls", "KafkaConsumer.poll"),
            new Part("the producer's network thread", "Sender.run"));

    private static final String DRAFTED = "org.newsroom.enrich.Enricher.drafted";

    private JfrShares() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JfrShares <recording.jfr>");
            System.exit(2);
        }
        Map<String, Integer> parts = new LinkedHashMap<>();
        Map<String, Integer> draft = new LinkedHashMap<>();
        Map<String, Integer> nativeWork = new LinkedHashMap<>();
        int samples = 0;
        int truncated = 0;
        int waiting = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                boolean execution = type.equals("jdk.ExecutionSample");
                // The profile settings record many other events with stacks (allocations, parks): skipped unread.
                if (!execution && !type.equals("jdk.NativeMethodSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                List<String> frames = stack.getFrames().stream().map(JfrShares::name).toList();
                if (execution) {
                    samples++;
                    truncated += stack.isTruncated() ? 1 : 0;
                    parts.merge(partOf(frames), 1, Integer::sum);
                    int at = frames.indexOf(DRAFTED);
                    if (at > 0) {
                        draft.merge(shortName(frames.get(at - 1)), 1, Integer::sum);
                    }
                } else if (streamThread(event)) {
                    String top = frames.getFirst();
                    if (top.endsWith("EPoll.wait")) {
                        waiting++;
                    } else {
                        nativeWork.merge(top.contains("zstd") ? "zstd" : top.contains("rocksdb") ? "RocksDB"
                                : shortName(top), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("[enrich-profile] %,d execution samples%s%n", samples,
                truncated > 0 ? " (" + truncated + " with truncated stacks: record with stackdepth=256)" : "");
        print(parts, samples, "");
        System.out.println("[enrich-profile] inside the draft, by the step it was running:");
        print(draft, samples, "  ");
        System.out.printf("[enrich-profile] stream threads in native code: %,d samples waiting for the network,"
                + " and working in:%n", waiting);
        nativeWork.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("[enrich-profile]   %,6d  %s%n", e.getValue(), e.getKey()));
    }

    static String partOf(List<String> frames) {
        for (Part part : ENRICH) {
            if (Arrays.stream(part.frames()).allMatch(f -> frames.stream().anyMatch(frame -> frame.contains(f)))) {
                return part.name();
            }
        }
        return "other: " + shortName(frames.getLast());
    }

    private static void print(Map<String, Integer> counts, int samples, String indent) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("[enrich-profile] %s%5.1f%%  %s%n", indent,
                        100.0 * e.getValue() / samples, e.getKey()));
    }

    private static boolean streamThread(RecordedEvent event) {
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null ? null : thread.getJavaName();
        return name != null && name.contains("StreamThread") && !name.contains("producer");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** {@code Class.method}, without the package. */
    private static String shortName(String frame) {
        int method = frame.lastIndexOf('.');
        int type = frame.lastIndexOf('.', method - 1);
        return frame.substring(type + 1);
    }
}
