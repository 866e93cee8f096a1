package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;

/**
 * The system as a cluster on one machine: a KRaft quorum of Kafka brokers, an Elasticsearch cluster and several
 * instances of each service, every one a process with its own ports and folders under {@code var}, sharing one set of
 * inbox folders. Any part ({@code kafka-2}, {@code elasticsearch-1}, {@code enrich-service-3}, ...) can be killed
 * and started again on its state: what {@code ./newsroom cluster-up} runs and ClusterIT breaks.
 */
public final class LocalCluster implements AutoCloseable {

    public static final String QUERY = "query-service";
    public static final String ENRICH = "enrich-service";
    public static final String INGEST = "ingest-service";

    private final ClusterSettings settings;
    private final Path engines = EnginesDir.locate();
    private final String clusterId;
    private final List<KafkaBroker.Node> quorum = new ArrayList<>();
    private final List<ElasticsearchNode.Member> members = new ArrayList<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final Map<String, KafkaBroker> brokers = new LinkedHashMap<>();
    private final Map<String, ElasticsearchNode> nodes = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private LocalCluster(ClusterSettings settings) throws IOException {
        this.settings = settings;
        Files.createDirectories(settings.var());
        // The quorum and its ports are fixed at the first start: restarted brokers must find the same voters.
        Path idFile = settings.var().resolve("kafka-cluster-id");
        if (!Files.exists(idFile)) {
            Files.writeString(idFile, KafkaBroker.newClusterId());
        }
        this.clusterId = Files.readString(idFile).strip();
        IntSupplier ports = settings.ports();
        for (int i = 1; i <= settings.brokers(); i++) {
            quorum.add(new KafkaBroker.Node(i, ports.getAsInt(), ports.getAsInt()));
        }
        for (int i = 1; i <= settings.elasticsearchNodes(); i++) {
            members.add(new ElasticsearchNode.Member("elasticsearch-" + i, ports.getAsInt(), ports.getAsInt()));
        }
        settings.instances().forEach((module, count) -> {
            for (int i = 1; i <= count; i++) {
                servicePorts.put(module + "-" + i, ports.getAsInt());
            }
        });
    }

    /** Starts every part: the brokers together, then the Elasticsearch nodes together, then every service instance. */
    public static LocalCluster start(ClusterSettings settings) throws IOException {
        LocalCluster cluster = new LocalCluster(settings);
        try {
            cluster.startAll();
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll() throws IOException {
        for (KafkaBroker.Node node : quorum) {
            brokers.put(brokerName(node), launchBroker(node));
        }
        brokers.values().forEach(KafkaBroker::awaitStarted);
        for (ElasticsearchNode.Member member : members) {
            nodes.put(member.name(), launchNode(member));
        }
        nodes.values().forEach(ElasticsearchNode::awaitHealthy);
        for (String part : servicePorts.keySet()) {
            services.put(part, launchService(part));
        }
        services.values().forEach(ServiceProcess::awaitUp);
    }

    /** Every part's name, in start order. */
    public List<String> parts() {
        List<String> parts = new ArrayList<>(quorum.stream().map(LocalCluster::brokerName).toList());
        members.forEach(member -> parts.add(member.name()));
        parts.addAll(servicePorts.keySet());
        return parts;
    }

    /** The instances of one service, e.g. {@code [query-service-1, query-service-2]}. */
    public List<String> instances(String module) {
        return servicePorts.keySet().stream().filter(part -> part.startsWith(module + "-")).toList();
    }

    /** SIGKILL to the part's whole process tree, as a crash or the OOM killer would. */
    public void kill(String part) {
        process(part).kill();
    }

    /** Starts a stopped part again on its ports and state, and waits until it is up. */
    public void restart(String part) throws IOException {
        if (brokers.containsKey(part)) {
            KafkaBroker broker = launchBroker(quorum.get(index(part) - 1));
            brokers.put(part, broker);
            broker.awaitStarted();
        } else if (nodes.containsKey(part)) {
            ElasticsearchNode node = launchNode(members.get(index(part) - 1));
            nodes.put(part, node);
            node.awaitHealthy();
        } else {
            ServiceProcess service = launchService(part);
            services.put(part, service);
            service.awaitUp();
        }
    }

    public ChildProcess process(String part) {
        if (brokers.containsKey(part)) {
            return brokers.get(part).process();
        }
        if (nodes.containsKey(part)) {
            return nodes.get(part).process();
        }
        ServiceProcess service = services.get(part);
        if (service == null) {
            throw new IllegalArgumentException("no part " + part + " in this cluster; parts: " + parts());
        }
        return service.process();
    }

    /** Where a service instance answers, e.g. {@code http://127.0.0.1:18081}. */
    public String url(String part) {
        return "http://127.0.0.1:" + servicePorts.get(part);
    }

    public String kafkaBootstrapServers() {
        return String.join(",", quorum.stream().map(node -> "127.0.0.1:" + node.port()).toList());
    }

    /** Every node's URL, comma-separated, as {@code ELASTICSEARCH_URL} takes them. */
    public String elasticsearchUrls() {
        return String.join(",", members.stream().map(member -> "http://127.0.0.1:" + member.httpPort()).toList());
    }

    public InboxFolders inboxFolders() {
        return InboxFolders.under(settings.var());
    }

    public Path logs() {
        return settings.var().resolve("logs");
    }

    /** Resident memory of each running part (its process tree), in MiB, from /proc. */
    public Map<String, Long> residentMegabytes() {
        Map<String, Long> memory = new LinkedHashMap<>();
        for (String part : parts()) {
            ChildProcess process = process(part);
            if (process.isAlive()) {
                memory.put(part, Resident.megabytes(process.pid()));
            }
        }
        return memory;
    }

    private KafkaBroker launchBroker(KafkaBroker.Node node) throws IOException {
        String name = brokerName(node);
        return KafkaBroker.launch(engines, Files.createDirectories(settings.var().resolve(name)), node, quorum, clusterId,
                settings.kafkaHeap(), logs(), run(), name);
    }

    private ElasticsearchNode launchNode(ElasticsearchNode.Member member) throws IOException {
        return ElasticsearchNode.launch(engines, settings.var().resolve("es-home"), settings.var().resolve(member.name()),
                member, members, settings.elasticsearchHeap(), logs(), run());
    }

    private ServiceProcess launchService(String part) throws IOException {
        Path workDir = Files.createDirectories(settings.var().resolve(part));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(settings.environment());
        env.putAll(new ServiceEnvironment(kafkaBootstrapServers(), elasticsearchUrls(), inboxFolders(),
                workDir.resolve("enrich-state"), settings.environment().get(LocalApiKey.VARIABLE)).variables());
        // Kafka Streams' own topics (changelogs, repartitions) are created with this; the services' topics take
        // the brokers' default.replication.factor and min.insync.replicas.
        env.put("KAFKA_REPLICATION_FACTOR", Integer.toString(Math.min(3, quorum.size())));
        env.put("INGEST_CLAIMS_INSTANCE", part);
        env.put("ENRICH_TAGGING_RULES_FILE", settings.var().resolve("tagging/rules.yaml").toString());
        String module = part.substring(0, part.lastIndexOf('-'));
        return ServiceProcess.launch(settings.projectRoot(), module, servicePorts.get(part), env, workDir, logs(), run(),
                settings.serviceHeap(), part);
    }

    private Path run() {
        return settings.var().resolve("run");
    }

    private static String brokerName(KafkaBroker.Node node) {
        return "kafka-" + node.id();
    }

    private static int index(String part) {
        return Integer.parseInt(part.substring(part.lastIndexOf('-') + 1));
    }

    /** Stops the services first, then Elasticsearch, then Kafka, each group in parallel. */
    @Override
    public void close() {
        stopAll(new ArrayList<>(services.values()));
        stopAll(new ArrayList<>(nodes.values()));
        stopAll(new ArrayList<>(brokers.values()));
    }

    private static void stopAll(List<? extends AutoCloseable> parts) {
        List<Thread> stopping = parts.stream().map(part -> Thread.ofPlatform().start(() -> {
            try {
                part.close();
            } catch (Exception e) {
                LocalStack.say("stopping failed: " + e.getMessage());
            }
        })).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code cluster-up}: runs the cluster in the foreground until Ctrl-C or SIGTERM. */
    public static void main(String[] args) throws Exception {
        Path projectRoot = Path.of(System.getProperty("newsroom.project.root", "")).toAbsolutePath();
        ClusterSettings settings = ClusterSettings.fromEnvironment(projectRoot, System.getenv());
        String apiKey = LocalApiKey.of(System.getenv(), settings.var());
        settings = settings.withEnvironment(Map.of(LocalApiKey.VARIABLE, apiKey));
        Instant began = Instant.now();
        LocalStack.say("starting a cluster in " + settings.var() + ": " + settings.brokers() + " Kafka brokers, "
                + settings.elasticsearchNodes() + " Elasticsearch nodes, " + settings.instances());
        LocalCluster cluster = start(settings);
        Duration took = Duration.between(began, Instant.now());
        CountDownLatch stopped = new CountDownLatch(1);
        ClusterSettings finalSettings = settings;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack.say("stopping...");
            cluster.close();
            LocalStack.say("stopped; data kept in " + finalSettings.var());
            stopped.countDown();
        }, "newsroom-cluster-shutdown"));
        StringBuilder table = new StringBuilder();
        Map<String, Long> memory = cluster.residentMegabytes();
        long total = 0;
        for (String part : cluster.parts()) {
            String where = part.startsWith("kafka-") ? "127.0.0.1:" + cluster.quorum.get(index(part) - 1).port()
                    : part.startsWith("elasticsearch-") ? "http://127.0.0.1:" + cluster.members.get(index(part) - 1).httpPort()
                    : cluster.url(part);
            long resident = memory.getOrDefault(part, 0L);
            total += resident;
            table.append("  %-18s %-28s pid %-8d %5d MiB%n".formatted(part, where, cluster.process(part).pid(), resident));
        }
        LocalStack.say("""
                cluster up in %d s.
                %s  total resident memory %d MiB
                  search API   %s/api/search?q=lavrov
                  Kafka        %s
                  Elasticsearch %s
                  logs         %s
                  API key      %s (kept in %s)
                Drop files into %s (every ingest instance watches it). Ctrl-C stops everything."""
                .formatted(took.toSeconds(), table, total, cluster.url(cluster.instances(QUERY).getFirst()),
                        cluster.kafkaBootstrapServers(), cluster.elasticsearchUrls(), cluster.logs(), apiKey,
                        settings.var().resolve("api-key"), cluster.inboxFolders().inbox()));
        stopped.await();
    }
}
