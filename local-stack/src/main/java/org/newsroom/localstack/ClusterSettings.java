package org.newsroom.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * What {@link LocalCluster} runs and where.
 *
 * @param projectRoot        the checkout, where the service jars are built
 * @param var                every part's state and the shared inbox folders
 * @param brokers            Kafka brokers (each also a KRaft controller)
 * @param elasticsearchNodes Elasticsearch nodes (each master-eligible and data)
 * @param instances          instances per service module, in start order
 * @param ports              hands out each part's ports, in a fixed order (so a fixed base gives fixed ports)
 * @param environment        extra environment for every service instance
 */
public record ClusterSettings(Path projectRoot, Path var, int brokers, int elasticsearchNodes,
                              Map<String, Integer> instances, String kafkaHeap, String elasticsearchHeap,
                              String serviceHeap, IntSupplier ports, Map<String, String> environment) {

    /**
     * {@code cluster-up}'s settings: 3 brokers, 3 Elasticsearch nodes, 2 query, 3 enrich and 2 ingest instances,
     * ports counted up from {@code CLUSTER_PORT_BASE} (19000), state in {@code NEWSROOM_CLUSTER_VAR} (var/cluster).
     */
    public static ClusterSettings fromEnvironment(Path projectRoot, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("NEWSROOM_HOME", "")).toAbsolutePath();
        Map<String, Integer> instances = new LinkedHashMap<>();
        instances.put(LocalCluster.QUERY, Integer.parseInt(env.getOrDefault("CLUSTER_QUERY_INSTANCES", "2")));
        instances.put(LocalCluster.ENRICH, Integer.parseInt(env.getOrDefault("CLUSTER_ENRICH_INSTANCES", "3")));
        instances.put(LocalCluster.INGEST, Integer.parseInt(env.getOrDefault("CLUSTER_INGEST_INSTANCES", "2")));
        AtomicInteger next = new AtomicInteger(Integer.parseInt(env.getOrDefault("CLUSTER_PORT_BASE", "19000")));
        return new ClusterSettings(projectRoot,
                Path.of(env.getOrDefault("NEWSROOM_CLUSTER_VAR", home.resolve("var/cluster").toString())).toAbsolutePath(),
                Integer.parseInt(env.getOrDefault("CLUSTER_BROKERS", "3")),
                Integer.parseInt(env.getOrDefault("CLUSTER_ELASTICSEARCH_NODES", "3")),
                instances,
                env.getOrDefault("CLUSTER_KAFKA_HEAP", "384m"),
                env.getOrDefault("CLUSTER_ELASTICSEARCH_HEAP", "512m"),
                env.getOrDefault("CLUSTER_SERVICE_HEAP", "320m"),
                next::getAndIncrement, Map.of());
    }

    /** The same with {@code more} added to every service instance's environment. */
    public ClusterSettings withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new ClusterSettings(projectRoot, var, brokers, elasticsearchNodes, instances, kafkaHeap, elasticsearchHeap,
                serviceHeap, ports, Map.copyOf(merged));
    }
}
