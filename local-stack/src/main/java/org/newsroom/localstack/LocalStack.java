package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine: a Kafka broker and an Elasticsearch node (unless external ones are
 * configured), then query-, enrich- and ingest-service. Closing it stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final StackSettings settings;
    private String kafka;
    private String elasticsearch;
    private Path inbox;
    private final String apiKey;

    private LocalStack(StackSettings settings) throws IOException {
        this.settings = settings;
        this.apiKey = LocalApiKey.of(System.getenv(), settings.var());
    }

    /** The local principal's key, every role: what the quick start's writes send in {@code X-Api-Key}. */
    public String apiKey() {
        return apiKey;
    }

    /** The folder ingest-service watches: the user's {@code INGEST_INBOX} when set, else the stack's own. */
    public Path inbox() {
        return inbox;
    }

    public static LocalStack start(StackSettings settings) throws IOException {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startEngines();
            stack.startServices();
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startEngines() throws IOException {
        Path var = settings.var();
        if (settings.externalKafka().isPresent()) {
            kafka = settings.externalKafka().get();
        } else {
            requirePortFree("Kafka", settings.kafkaPort(), "KAFKA_PORT");
            say("starting Kafka on 127.0.0.1:" + settings.kafkaPort());
            KafkaBroker broker = KafkaBroker.start(EnginesDir.locate(), Files.createDirectories(var.resolve("kafka")),
                    settings.kafkaPort(), settings.logs(), settings.run());
            started.push(broker);
            kafka = broker.bootstrapServers();
        }
        if (settings.externalElasticsearch().isPresent()) {
            elasticsearch = settings.externalElasticsearch().get();
        } else {
            requirePortFree("Elasticsearch", settings.elasticsearchPort(), "ELASTICSEARCH_PORT");
            say("starting Elasticsearch on 127.0.0.1:" + settings.elasticsearchPort());
            ElasticsearchNode node = ElasticsearchNode.start(EnginesDir.locate(), var.resolve("elasticsearch"),
                    var.resolve("elasticsearch"), settings.elasticsearchPort(), settings.logs(), settings.run(),
                    settings.elasticsearchHeap());
            started.push(node);
            elasticsearch = node.url();
        }
    }

    private void startServices() throws IOException {
        Map<String, String> env = new ServiceEnvironment(kafka, elasticsearch, settings.inboxFolders(),
                settings.var().resolve("enrich-state"), apiKey).keepingUserFolders(System.getenv());
        env.putIfAbsent("ENRICH_TAGGING_RULES_FILE", settings.var().resolve("tagging/rules.yaml").toString());
        inbox = Path.of(env.get("INGEST_INBOX"));
        // The three boot side by side: they only need the engines, not each other.
        List<ServiceProcess> services = List.of(
                launchService("query-service", settings.queryPort(), env),
                launchService("enrich-service", settings.enrichPort(), env),
                launchService("ingest-service", settings.ingestPort(), env));
        services.forEach(ServiceProcess::awaitUp);
    }

    private ServiceProcess launchService(String module, int port, Map<String, String> env) throws IOException {
        requirePortFree(module, port, module.split("-")[0].toUpperCase() + "_PORT");
        say("starting " + module + " on port " + port);
        ServiceProcess service = ServiceProcess.launch(settings.projectRoot(), module, port, env, settings.home(),
                settings.logs(), settings.run(), settings.serviceHeap());
        started.push(service);
        return service;
    }

    private static void requirePortFree(String what, int port, String variable) {
        if (Ports.isListening(port)) {
            throw new IllegalStateException(what + " cannot listen on port " + port
                    + ": something already does. Stop it, or set " + variable + " to another port.");
        }
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    public String elasticsearchUrl() {
        return elasticsearch;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                say("stopping failed: " + e.getMessage());
            }
        }
    }

    static void say(String line) {
        System.out.println("[newsroom] " + line);
    }

    /** {@code up}: runs the stack in the foreground until Ctrl-C or SIGTERM. */
    public static void main(String[] args) throws Exception {
        Path projectRoot = Path.of(System.getProperty("newsroom.project.root", "")).toAbsolutePath();
        StackSettings settings = StackSettings.fromEnvironment(projectRoot, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping...");
            stack.close();
            say("stopped; data kept in " + settings.var());
            stopped.countDown();
        }, "newsroom-shutdown"));
        say("""
                up.
                  search API   http://localhost:%d/api/search?q=lavrov
                  ingest API   http://localhost:%d   (watching %s)
                  enrich       http://localhost:%d/actuator/health
                  Kafka        %s
                  Elasticsearch %s
                  logs         %s
                  API key      %s
                               (writes need it: -H 'X-Api-Key: ...'; kept in %s, or set NEWSROOM_API_KEY)
                Drop files into %s. Ctrl-C stops everything."""
                .formatted(settings.queryPort(), settings.ingestPort(), stack.inbox(), settings.enrichPort(),
                        stack.kafkaBootstrapServers(), stack.elasticsearchUrl(), settings.logs(), stack.apiKey,
                        settings.var().resolve("api-key"), stack.inbox()));
        stopped.await();
    }
}
