package org.newsroom.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A single KRaft Kafka broker (broker and controller in one process) on 127.0.0.1, run from the
 * {@code kafka_2.13} jars with a JDK 21+. Its log dirs persist under {@code workDir}.
 */
public final class KafkaBroker implements AutoCloseable {

    private final ChildProcess process;
    private final int port;
    /** Where this run's output starts in the log, which earlier runs of the broker appended to. */
    private final long logStart;

    private KafkaBroker(ChildProcess process, int port, long logStart) {
        this.process = process;
        this.port = port;
        this.logStart = logStart;
    }

    public static KafkaBroker start(Path enginesDir, Path workDir, int port, Path logDir, Path runDir) throws IOException {
        int controllerPort = previousControllerPort(workDir.resolve("server.properties"));
        KafkaBroker broker = launch(enginesDir, workDir, new Node(1, port, controllerPort), List.of(new Node(1, port, controllerPort)),
                clusterId(), "768m", logDir, runDir, "kafka");
        broker.awaitStarted();
        return broker;
    }

    /** One member of a KRaft quorum: its node id, client port and controller port. */
    public record Node(int id, int port, int controllerPort) {
    }

    /**
     * Starts {@code node} of a cluster of {@code quorum} (every node is broker and controller) without waiting:
     * a quorum only forms once a majority runs, so start them all, then {@link #awaitStarted()} each. Topics are
     * replicated to min(3, brokers) and need two in-sync replicas from three brokers on (docs/scaling.md).
     * The storage is formatted with {@code clusterId} on first start only; the process is named {@code name}
     * (its log {@code <name>.log}).
     */
    public static KafkaBroker launch(Path enginesDir, Path workDir, Node node, List<Node> quorum, String clusterId,
                                     String heap, Path logDir, Path runDir, String name) throws IOException {
        Path data = workDir.resolve("data");
        Files.createDirectories(data);
        Path config = workDir.resolve("server.properties");
        Files.writeString(config, serverProperties(node, quorum, data));
        Path logging = workDir.resolve("log4j2.properties");
        Files.writeString(logging, LOGGING);
        String java = Jdks.javaOf(Jdks.find()).toString();
        String classpath = enginesDir.resolve("kafka/libs").toAbsolutePath() + "/*";
        Path log = Files.createDirectories(logDir).resolve(name + ".log");
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(java, classpath, config, clusterId, workDir, log);
        }
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = Jdks.command(java, List.of("-Xms" + smaller(heap, "256m"), "-Xmx" + heap,
                "-Dlog4j2.configurationFile=" + logging.toAbsolutePath()), List.of("-cp", classpath, "kafka.Kafka",
                config.toString()));
        ChildProcess process = ChildProcess.start(name, command, Map.of(), workDir, log, runDir);
        return new KafkaBroker(process, node.port(), logStart);
    }

    /** Waits until this broker says it started (in this run's part of its log) and takes connections. */
    public void awaitStarted() {
        Ports.await(process, Duration.ofSeconds(120), () -> Ports.isListening(port) && logSays("started"));
    }

    /** A new cluster id, to format every node of one cluster with. */
    public static String newClusterId() {
        return clusterId();
    }

    private static String smaller(String heap, String other) {
        return megabytes(heap) < megabytes(other) ? heap : other;
    }

    private static long megabytes(String size) {
        String digits = size.replaceAll("[^0-9]", "");
        return size.toLowerCase().endsWith("g") ? Long.parseLong(digits) * 1024 : Long.parseLong(digits);
    }

    /** A restarted broker keeps its controller port: the quorum it formatted with names it. */
    private static int previousControllerPort(Path config) throws IOException {
        if (Files.exists(config)) {
            for (String line : Files.readAllLines(config)) {
                if (line.startsWith("controller.quorum.voters=")) {
                    return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).strip());
                }
            }
        }
        return Ports.free();
    }

    private static void format(String java, String classpath, Path config, String clusterId, Path workDir, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Jdks.command(java, List.of(), List.of("-cp", classpath,
                "kafka.tools.StorageTool", "format", "--ignore-formatted", "--cluster-id=" + clusterId, "-c",
                config.toString())))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed (exit " + exit + "), see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * A cluster id in Kafka's own form: 16 random bytes, URL-safe Base64 without padding. It may start with
     * "-", which is why the formatter gets it as {@code --cluster-id=<id>}, not as a separate argument.
     */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Broker logs at INFO to stdout, which the stack appends to {@code kafka.log}. */
    private static final String LOGGING = """
            appender.out.type=Console
            appender.out.name=out
            appender.out.layout.type=PatternLayout
            appender.out.layout.pattern=[%d] %p %m (%c)%n
            rootLogger.level=INFO
            rootLogger.appenderRef.out.ref=out
            logger.state.name=state.change.logger
            logger.state.level=WARN
            """;

    /**
     * The broker-wide record limit: contracts' {@code Topics.MAX_RECORD_BYTES}, written out because the launcher
     * runs from its own jar alone. Topics the services create carry the same limit in their own settings.
     */
    private static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private static String serverProperties(Node node, List<Node> quorum, Path data) {
        String voters = String.join(",", quorum.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).toList());
        int replicas = Math.min(3, quorum.size());
        // From three brokers on, a write needs two copies: one broker may die without losing an acknowledged record.
        int minInSync = replicas >= 3 ? 2 : 1;
        return """
                process.roles=broker,controller
                node.id=%d
                controller.quorum.voters=%s
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=3
                auto.create.topics.enable=false
                default.replication.factor=%d
                min.insync.replicas=%d
                offsets.topic.replication.factor=%d
                transaction.state.log.replication.factor=%d
                transaction.state.log.min.isr=%d
                share.coordinator.state.topic.replication.factor=%d
                share.coordinator.state.topic.min.isr=%d
                group.initial.rebalance.delay.ms=0
                log.retention.hours=-1
                message.max.bytes=%d
                """.formatted(node.id(), voters, node.port(), node.controllerPort(), node.port(), data.toAbsolutePath(),
                replicas, minInSync, replicas, replicas, minInSync, replicas, minInSync, MAX_RECORD_BYTES);
    }

    private boolean logSays(String word) {
        try (var in = Files.newInputStream(process.log())) {
            in.skipNBytes(Math.min(logStart, Files.size(process.log())));
            return new String(in.readAllBytes()).contains("Kafka Server " + word);
        } catch (IOException e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
