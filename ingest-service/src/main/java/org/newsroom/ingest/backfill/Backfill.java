package org.newsroom.ingest.backfill;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code ./newsroom backfill <folder|reuters|bbc>}: imports a whole folder tree (any format) or a built-in
 * corpus straight to the raw topic on {@code KAFKA_BOOTSTRAP_SERVERS} (default {@code localhost:9092}),
 * with a progress bar and a summary that accounts for every item. Article ids are deterministic, so running
 * it again overwrites the same articles instead of adding new ones. Exits 1 when any item failed.
 */
public final class Backfill {

    private Backfill() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: backfill <folder|reuters|bbc>   (env KAFKA_BOOTSTRAP_SERVERS, NEWSROOM_ROOT, BACKFILL_SOURCE)");
            System.exit(2);
        }
        quietKafkaLogs();
        String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        BackfillSummary summary;
        try {
            summary = run(args[0], bootstrap, Path.of(env("NEWSROOM_ROOT", ".")), env("BACKFILL_SOURCE", "inbox"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("backfill: " + e.getMessage());
            System.exit(1);
            return;
        }
        summary.lines().forEach(System.out::println);
        System.exit(summary.failed() > 0 ? 1 : 0);
    }

    /** Runs one backfill of {@code target}, a folder or the name of a built-in corpus, and returns its summary. */
    static BackfillSummary run(String target, String bootstrapServers, Path projectRoot, String folderSource) throws IOException {
        List<BackfillUnit> units = units(target, projectRoot, folderSource);
        System.err.printf("backfill: %,d %s from %s to %s%n", units.size(), unitName(target), target, bootstrapServers);
        try (RawTopicProducer producer = RawTopicProducer.connect(bootstrapServers, 3)) {
            return new BackfillRun(producer, Clock.systemUTC()).run(units, new ProgressBar(System.err, units.size(), unitName(target)));
        }
    }

    private static List<BackfillUnit> units(String target, Path projectRoot, String folderSource) throws IOException {
        return switch (target) {
            case "reuters", Corpora.REUTERS -> Corpora.reuters(projectRoot.resolve("data/reuters21578"));
            case Corpora.BBC -> Corpora.bbc(projectRoot.resolve("data/bbc"));
            default -> {
                Path folder = Path.of(target);
                if (!Files.isDirectory(folder)) {
                    throw new IllegalArgumentException(target + " is neither a folder nor a corpus (reuters, bbc)");
                }
                yield FolderTree.units(folder, folderSource, 20L * 1024 * 1024, 10_000);
            }
        };
    }

    private static String unitName(String target) {
        return switch (target) {
            case "reuters", Corpora.REUTERS, Corpora.BBC -> "stories";
            default -> "files";
        };
    }

    /** Kafka clients log their whole configuration at INFO, which would bury the progress bar. */
    static void quietKafkaLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.getLogger("org.apache.kafka").setLevel(Level.WARN);
            // One warning per reconnect attempt says less than the single error the backfill ends with.
            logging.getLogger("org.apache.kafka.clients.NetworkClient").setLevel(Level.ERROR);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
