package org.newsroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Kafka broker and Elasticsearch node shared by every integration test in one JVM: each is started
 * on first use, on free ports, and stopped when the JVM exits. Tests point their services at
 * {@link #kafkaBootstrapServers()} and {@link #elasticsearchUrl()}.
 */
public final class LocalEngines {

    private static KafkaBroker kafka;
    private static ElasticsearchNode elasticsearch;

    private LocalEngines() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = started(() -> KafkaBroker.start(EnginesDir.locate(), fresh("kafka"), Ports.free(), logs(), run()));
        }
        return kafka.bootstrapServers();
    }

    public static synchronized String elasticsearchUrl() {
        if (elasticsearch == null) {
            Path engines = EnginesDir.locate();
            elasticsearch = started(() -> ElasticsearchNode.start(engines, engines.resolveSibling("elasticsearch-home"),
                    fresh("elasticsearch"), Ports.free(), logs(), run(), "768m"));
        }
        return elasticsearch.url();
    }

    public static synchronized KafkaBroker kafka() {
        kafkaBootstrapServers();
        return kafka;
    }

    public static synchronized ElasticsearchNode elasticsearch() {
        elasticsearchUrl();
        return elasticsearch;
    }

    private interface Start<T> {
        T start() throws IOException;
    }

    private static <T extends AutoCloseable> T started(Start<T> start) {
        try {
            T engine = start.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    engine.close();
                } catch (Exception ignored) {
                    // the JVM is exiting; the kernel's parent-death signal ends the process anyway
                }
            }));
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each test run gets empty engines: state from an earlier run must not leak into assertions. */
    private static Path fresh(String engine) throws IOException {
        Path dir = Path.of("target", "engines-run", engine).toAbsolutePath();
        ElasticsearchNode.deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    private static Path logs() {
        return Path.of("target", "engines-run", "logs").toAbsolutePath();
    }

    private static Path run() {
        return Path.of("target", "engines-run", "run").toAbsolutePath();
    }
}
