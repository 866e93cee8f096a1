package org.newsroom.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack runs and where, read from the environment with the documented defaults.
 *
 * @param projectRoot       the checkout, where the service jars are built
 * @param home              where the command was started: {@code feed/} lives here
 * @param var               state: Kafka log dirs, Elasticsearch data, service state, logs
 * @param externalKafka     bootstrap servers of a Kafka to use instead of starting one
 * @param externalElasticsearch URL of an Elasticsearch to use instead of starting one
 */
public record StackSettings(Path projectRoot, Path home, Path var, int kafkaPort, Optional<String> externalKafka,
                            int elasticsearchPort, Optional<String> externalElasticsearch, String elasticsearchHeap,
                            int queryPort, int ingestPort, int enrichPort, String serviceHeap) {

    public static StackSettings fromEnvironment(Path projectRoot, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("NEWSROOM_HOME", "")).toAbsolutePath();
        return new StackSettings(projectRoot, home,
                Path.of(env.getOrDefault("NEWSROOM_VAR", home.resolve("var").toString())).toAbsolutePath(),
                Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092")),
                Optional.ofNullable(env.get("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank()),
                Integer.parseInt(env.getOrDefault("ELASTICSEARCH_PORT", "9200")),
                Optional.ofNullable(env.get("ELASTICSEARCH_URL")).filter(s -> !s.isBlank()),
                env.getOrDefault("ELASTICSEARCH_HEAP", "1g"),
                Integer.parseInt(env.getOrDefault("QUERY_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("INGEST_PORT", "8081")),
                Integer.parseInt(env.getOrDefault("ENRICH_PORT", "8082")),
                env.getOrDefault("SERVICE_HEAP", "512m"));
    }

    public InboxFolders inboxFolders() {
        return InboxFolders.under(home);
    }

    public Path logs() {
        return var.resolve("logs");
    }

    public Path run() {
        return var.resolve("run");
    }
}
