package org.newsroom.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsroom.localstack.ChildProcess;
import org.newsroom.localstack.ElasticsearchNode;
import org.newsroom.localstack.EnginesDir;
import org.newsroom.localstack.InboxFolders;
import org.newsroom.localstack.KafkaBroker;
import org.newsroom.localstack.Ports;
import org.newsroom.localstack.ServiceEnvironment;
import org.newsroom.localstack.ServiceProcess;

/**
 * The whole system as processes on fixed ports and persistent folders, so that any part can be killed
 * with SIGKILL and started again on the same state, or frozen with SIGSTOP (a hung node, a stalled consumer)
 * and resumed: the fault campaign's test bed.
 */
final class FaultStack implements AutoCloseable {

    static final String KAFKA = "kafka";
    static final String ELASTICSEARCH = "elasticsearch";
    /** Opens {@code POST /api/articles} on ingest-service. */
    static final String INGEST_API_KEY = "fault-campaign-key-0123456789";
    static final String SLOW_RECEIVER_HOST = "127.0.0.2";

    private final Path home;
    private final Path root = ProjectRoot.path();
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
        process(part).kill();
    }

    /** SIGSTOP to the part's whole process tree: it keeps its sockets open but answers nothing, like a hung node. */
    void freeze(String part) throws IOException, InterruptedException {
        signal(part, "-STOP");
    }

    /** SIGCONT: the frozen part carries on where it stopped. */
    void thaw(String part) throws IOException, InterruptedException {
        signal(part, "-CONT");
    }

    private void signal(String part, String signal) throws IOException, InterruptedException {
        ChildProcess process = process(part);
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(process.pid())));
        ProcessHandle.of(process.pid()).ifPresent(handle ->
                handle.descendants().forEach(child -> command.add(Long.toString(child.pid()))));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit);
        }
    }

    private ChildProcess process(String part) {
        return switch (part) {
            case KAFKA -> kafka.process();
            case ELASTICSEARCH -> elasticsearch.process();
            default -> services.get(part).process();
        };
    }

    /** Where a service answers, e.g. {@code http://127.0.0.1:41234}. */
    String url(String service) {
        return services.get(service).url();
    }

    /** The part's log file (appended to across restarts). */
    Path log(String part) {
        return process(part).log();
    }

    private ServiceProcess launch(String module) throws IOException {
        Map<String, String> env = new ServiceEnvironment(kafkaBootstrapServers(), "http://127.0.0.1:" + elasticsearchPort,
                inboxFolders(), home.resolve("enrich-state"), INGEST_API_KEY).with(Map.of(
                // The campaign's slow webhook receiver listens there; 127.0.0.1, where the engines are, stays refused.
                "ALERTS_WEBHOOK_ALLOW", SLOW_RECEIVER_HOST + "/32"));
        return ServiceProcess.launch(root, module, servicePorts.get(module), env, home, logs(), run(), "384m");
    }

    InboxFolders inboxFolders() {
        return InboxFolders.under(home);
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
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
