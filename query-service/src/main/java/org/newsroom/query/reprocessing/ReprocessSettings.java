package org.newsroom.query.reprocessing;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the reprocess command finds things, read from the same environment variables as the services.
 *
 * @param elasticsearchUrl      {@code ELASTICSEARCH_URL}
 * @param kafkaBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}
 * @param alias                 {@code QUERY_INDEX_ALIAS}: the alias searches go through
 * @param enrichJar             {@code REPROCESS_ENRICH_JAR}: enrich-service's executable jar, run as the replay
 * @param workDir               {@code REPROCESS_WORK_DIR}: the replay's state store and log
 * @param terminal              {@code REPROCESS_TERMINAL=true} (set by the script when stdout is a terminal):
 *                              redraw one progress line instead of printing one every few seconds
 */
record ReprocessSettings(String elasticsearchUrl, String kafkaBootstrapServers, String alias, Path enrichJar,
                         Path workDir, boolean terminal) {

    static ReprocessSettings from(Map<String, String> env) {
        String jar = env.get("REPROCESS_ENRICH_JAR");
        if (jar == null || jar.isBlank()) {
            throw new IllegalArgumentException("REPROCESS_ENRICH_JAR must name enrich-service's executable jar");
        }
        return new ReprocessSettings(env.getOrDefault("ELASTICSEARCH_URL", "http://localhost:9200"),
                env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                env.getOrDefault("QUERY_INDEX_ALIAS", "articles"),
                Path.of(jar), Path.of(env.getOrDefault("REPROCESS_WORK_DIR", "var/reprocess")),
                Boolean.parseBoolean(env.get("REPROCESS_TERMINAL")));
    }
}
