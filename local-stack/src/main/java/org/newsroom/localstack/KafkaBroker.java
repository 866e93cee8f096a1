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

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBroker start(Path enginesDir, Path workDir, int port, Path logDir, Path runDir) throws IOException {
        int controllerPort = previousControllerPort(workDir.resolve("server.properties"));
        Path data = workDir.resolve("data");
        Files.createDirectories(data);
        Path config = workDir.resolve("server.properties");
        Files.writeString(config, serverProperties(port, controllerPort, data));
        Path logging = workDir.resolve("log4j2.properties");
        Files.writeString(logging, LOGGING);
        String java = Jdks.javaOf(Jdks.find()).toString();
        String classpath = enginesDir.resolve("kafka/libs").toAbsolutePath() + "/*";
        Path log = Files.createDirectories(logDir).resolve("kafka.log");
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(java, classpath, config, workDir, log);
        }
        ChildProcess process = ChildProcess.start("kafka", List.of(java, "-Xms256m", "-Xmx768m",
                        "-Dlog4j2.configurationFile=" + logging.toAbsolutePath(), "-cp", classpath, "kafka.Kafka", config.toString()),
                Map.of(), workDir, log, runDir);
        KafkaBroker broker = new KafkaBroker(process, port);
        Ports.await(process, Duration.ofSeconds(90), () -> Ports.isListening(port) && broker.logSays("started"));
        return broker;
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

    private static void format(String java, String classpath, Path config, Path workDir, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                "--ignore-formatted", "--cluster-id=" + clusterId(), "-c", config.toString())
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

    private static String serverProperties(int port, int controllerPort, Path data) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=3
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=-1
                message.max.bytes=%d
                """.formatted(controllerPort, port, controllerPort, port, data.toAbsolutePath(),
                MAX_RECORD_BYTES);
    }

    private boolean logSays(String word) {
        return process.logTail(400).contains("Kafka Server " + word);
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
