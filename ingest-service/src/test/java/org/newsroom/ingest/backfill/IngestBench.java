package org.newsroom.ingest.backfill;

import java.nio.file.Path;
import org.newsroom.localstack.LocalEngines;

/**
 * {@code ./newsroom ingest-bench [reuters|bbc]}: backfills the 21,578 Reuters stories (or the BBC corpus) into a
 * real broker (the one in {@code KAFKA_BOOTSTRAP_SERVERS}, else a fresh local one) and prints the throughput.
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        Backfill.quietKafkaLogs();
        String bootstrap = configured == null || configured.isBlank() ? LocalEngines.kafkaBootstrapServers() : configured;
        Path root = Path.of(System.getenv().getOrDefault("NEWSROOM_ROOT", ".."));
        String corpus = args.length > 0 ? args[0] : "reuters";
        BackfillSummary summary = Backfill.run(corpus, bootstrap, root, "inbox");
        summary.lines().forEach(System.out::println);
        System.out.printf("ingest throughput (%s backfill, %,d stories, acks=all): %,.0f articles/s%n",
                corpus, summary.items(), summary.articlesPerSecond());
        System.exit(summary.accepted() + summary.duplicates() + summary.failed() == summary.items() ? 0 : 1);
    }
}
