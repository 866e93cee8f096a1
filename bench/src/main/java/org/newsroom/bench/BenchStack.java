package org.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.newsroom.localstack.ChildProcess;
import org.newsroom.localstack.ElasticsearchNode;
import org.newsroom.localstack.EnginesDir;
import org.newsroom.localstack.InboxFolders;
import org.newsroom.localstack.KafkaBroker;
import org.newsroom.localstack.Ports;
import org.newsroom.localstack.ServiceEnvironment;
import org.newsroom.localstack.ServiceProcess;

/**
 * The whole system as the benchmark runs it: Kafka, Elasticsearch (with the engines folder's plugins) and the
 * three service jars as child processes, on free ports, with all state in a fresh folder.
 */
final class BenchStack implements AutoCloseable {

    private static final List<String> SERVICES = List.of("query-service", "enrich-service", "ingest-service");

    private final Path root;
    private final Path home;
    private final String apiKey = "bench-" + UUID.randomUUID();
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private ElasticsearchNode elasticsearch;

    private BenchStack(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    static BenchStack start(Path root, Path home, String elasticsearchHeap, String serviceHeap) throws IOException {
        BenchStack stack = new BenchStack(root, home);
        try {
            stack.startAll(elasticsearchHeap, serviceHeap);
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(String elasticsearchHeap, String serviceHeap) throws IOException {
        Path engines = EnginesDir.locate();
        Progress.say("starting Kafka and Elasticsearch (" + elasticsearchHeap + " heap) in " + home);
        kafka = KafkaBroker.start(engines, Files.createDirectories(home.resolve("kafka")), Ports.free(), logs(), run());
        processes.put("kafka", kafka.process());
        elasticsearch = ElasticsearchNode.start(engines, home.resolve("es-home"), home.resolve("elasticsearch"),
                Ports.free(), logs(), run(), elasticsearchHeap);
        processes.put("elasticsearch", elasticsearch.process());
        Map<String, String> env = new ServiceEnvironment(kafka.bootstrapServers(), elasticsearch.url(),
                inboxFolders(), home.resolve("enrich-state"), apiKey).variables();
        Progress.say("starting query-, enrich- and ingest-service (" + serviceHeap + " heap each)");
        Path jars = ServiceJars.copied(root, home.resolve("jars"), SERVICES);
        for (String module : SERVICES) {
            ServiceProcess service = ServiceProcess.launch(jars, module, Ports.free(), env, home, logs(), run(), serviceHeap);
            services.put(module, service);
            processes.put(module, service.process());
        }
        services.values().forEach(ServiceProcess::awaitUp);
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String elasticsearchUrl() {
        return elasticsearch.url();
    }

    String ingestUrl() {
        return services.get("ingest-service").url();
    }

    String apiKey() {
        return apiKey;
    }

    /** The started processes by name; each one's descendants belong to it (Elasticsearch's launcher, for one). */
    Map<String, ChildProcess> processes() {
        return processes;
    }

    InboxFolders inboxFolders() {
        return InboxFolders.under(home);
    }

    Path logs() {
        return home.resolve("logs");
    }

    private Path run() {
        return home.resolve("run");
    }

    @Override
    public void close() {
        List.copyOf(services.values()).reversed().forEach(ServiceProcess::close);
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
