package org.newsroom.ingest.backfill;

import java.nio.file.Path;
import org.newsroom.localstack.LocalEngines;

/**
 * {@code ./newsroom ingest-bench}: backfills the 21,578 Reuters stories into a real broker (the one in
 * {@code KAFKA_BOOTSTRAP_SERVERS}, else a fresh local one) and prints the throughput in articles/s.
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        Backfill.quietKafkaLogs();
        String bootstrap = configured == null || configured.isBlank() ? LocalEngines.kafkaBootstrapServers() : configured;
        Path root = Path.of(System.getenv().getOrDefault("NEWSROOM_ROOT", ".."));
        BackfillSummary summary = Backfill.run("reuters", bootstrap, root, "inbox");
        summary.lines().forEach(System.out::println);
        System.out.printf("ingest throughput (Reuters backfill, %,d stories, acks=all): %,.0f articles/s%n",
                summary.items(), summary.articlesPerSecond());
        System.exit(summary.accepted() + summary.duplicates() + summary.failed() == summary.items() ? 0 : 1);
    }
}
