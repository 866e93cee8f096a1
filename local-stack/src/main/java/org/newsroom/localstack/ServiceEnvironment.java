package org.newsroom.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the three services of one pipeline are told through their environment: the engines they reach, the inbox's
 * folders, enrich-service's state folder and the key writes need. The stack, the cluster, the benchmark and the
 * system tests all start the services from it, so each variable is named in one place.
 *
 * @param inboxFolders ingest-service's inbox, done and failed folders
 * @param enrichState where enrich-service keeps its Kafka Streams state (one folder per instance on one machine)
 * @param apiKey      the key of the principal writes need; there is no default
 */
public record ServiceEnvironment(String kafkaBootstrapServers, String elasticsearchUrl, InboxFolders inboxFolders,
                                 Path enrichState,
                                 String apiKey) {

    /** The variables naming folders, which a user's own environment may set instead ({@link #keepingUserFolders}). */
    private static final Set<String> FOLDERS = Set.of("INGEST_INBOX", "INGEST_DONE", "INGEST_FAILED", "ENRICH_STATE_DIR");

    public ServiceEnvironment {
        Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
        Objects.requireNonNull(elasticsearchUrl, "elasticsearchUrl");
        Objects.requireNonNull(inboxFolders, "inboxFolders");
        Objects.requireNonNull(enrichState, "enrichState");
        Objects.requireNonNull(apiKey, "apiKey: writes need a principal, and there is no default key");
    }

    /** The variables, in a new map the caller may add to. */
    public Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("ELASTICSEARCH_URL", elasticsearchUrl);
        env.put("INGEST_INBOX", inboxFolders.inbox().toString());
        env.put("INGEST_DONE", inboxFolders.done().toString());
        env.put("INGEST_FAILED", inboxFolders.failed().toString());
        env.put("ENRICH_STATE_DIR", enrichState.toString());
        env.put(LocalApiKey.VARIABLE, apiKey);
        return env;
    }

    /** These variables and {@code more}, which wins where both name one. */
    public Map<String, String> with(Map<String, String> more) {
        Map<String, String> env = variables();
        env.putAll(more);
        return env;
    }

    /**
     * A user's environment with these variables: the engines and the key are always these (the stack started
     * them, and holds the key), the folders these only where the user's environment names none.
     */
    public Map<String, String> keepingUserFolders(Map<String, String> given) {
        Map<String, String> env = new LinkedHashMap<>(given);
        variables().forEach((name, value) -> {
            if (FOLDERS.contains(name)) {
                env.putIfAbsent(name, value);
            } else {
                env.put(name, value);
            }
        });
        return env;
    }
}
