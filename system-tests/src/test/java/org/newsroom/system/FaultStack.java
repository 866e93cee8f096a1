package org.newsroom.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsroom.localstack.ChildProcess;
import org.newsroom.localstack.ElasticsearchNode;
import org.newsroom.localstack.EnginesDir;
import org.newsroom.localstack.KafkaBroker;
import org.newsroom.localstack.Ports;
import org.newsroom.localstack.ServiceProcess;

/**
 * The whole system as processes on fixed ports and persistent folders, so that any part can be killed
 * with SIGKILL and started again on the same state: the fault campaign's test bed.
 */
final class FaultStack implements AutoCloseable {

    static final String KAFKA = "kafka";
    static final String ELASTICSEARCH = "elasticsearch";

    private final Path home;
    private final Path root = Path.of(System.getProperty("newsroom.project.root", "..")).toAbsolutePath().normalize();
    private final int kafkaPort = Ports.free();
    private final int elasticsearchPort = Ports.free();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private ElasticsearchNode elasticsearch;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    FaultStack(Path home) {
        this.home = home;
        for (String module : new String[] {"query-service", "enrich-service", "ingest-service"}) {
            servicePorts.put(module, Ports.free());
        }
    }

    void startAll() throws IOException {
        start(KAFKA);
        start(ELASTICSEARCH);
        for (String module : servicePorts.keySet()) {
            services.put(module, launch(module));
        }
        services.values().forEach(ServiceProcess::awaitUp);
    }

    void start(String part) throws IOException {
        switch (part) {
            case KAFKA -> kafka = KafkaBroker.start(EnginesDir.locate(), Files.createDirectories(home.resolve("kafka")),
                    kafkaPort, logs(), run());
            case ELASTICSEARCH -> elasticsearch = ElasticsearchNode.start(EnginesDir.locate(), home.resolve("es-home"),
                    home.resolve("elasticsearch"), elasticsearchPort, logs(), run(), "768m");
            default -> {
                ServiceProcess service = launch(part);
                services.put(part, service);
                service.awaitUp();
            }
        }
    }

    /** SIGKILL, as a crash or an OOM killer would. */
    void kill(String part) {
        ChildProcess process = switch (part) {
            case KAFKA -> kafka.process();
            case ELASTICSEARCH -> elasticsearch.process();
            default -> services.get(part).process();
        };
        process.kill();
    }

    private ServiceProcess launch(String module) throws IOException {
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort,
                "ELASTICSEARCH_URL", "http://127.0.0.1:" + elasticsearchPort,
                "INGEST_INBOX", inbox().toString(),
                "INGEST_DONE", home.resolve("feed/done").toString(),
                "INGEST_FAILED", home.resolve("feed/failed").toString(),
                "ENRICH_STATE_DIR", home.resolve("enrich-state").toString());
        return ServiceProcess.launch(root, module, servicePorts.get(module), env, home, logs(), run(), "384m");
    }

    Path inbox() {
        return home.resolve("feed/inbox");
    }

    Path done() {
        return home.resolve("feed/done");
    }

    Path failed() {
        return home.resolve("feed/failed");
    }

    String elasticsearchUrl() {
        return "http://127.0.0.1:" + elasticsearchPort;
    }

    private Path logs() {
        return home.resolve("logs");
    }

    private Path run() {
        return home.resolve("run");
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
