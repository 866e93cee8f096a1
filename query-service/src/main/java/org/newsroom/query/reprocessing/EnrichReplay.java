package org.newsroom.query.reprocessing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The current enrich-service, started from its jar as a replay run: same code and settings as the live service,
 * but its own Streams application id, state folder and output topic ({@code ENRICH_REPLAY}), and no web port.
 */
final class EnrichReplay implements AutoCloseable {

    private final Process process;
    private final Path log;

    private EnrichReplay(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static EnrichReplay start(ReprocessSettings settings, Replay replay, String name) throws IOException {
        Path state = Files.createDirectories(settings.workDir().resolve(name).resolve("enrich-state"));
        Path log = settings.workDir().resolve(name).resolve("enrich-replay.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms64m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError",
                "-jar", settings.enrichJar().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("ENRICH_REPLAY", name);
        env.put("SPRING_KAFKA_STREAMS_APPLICATIONID", replay.applicationId());
        env.put("ENRICH_STATE_DIR", state.toString());
        env.put("SPRING_APPLICATION_NAME", replay.applicationId());
        env.put("SERVER_PORT", "0");
        return new EnrichReplay(builder.start(), log);
    }

    /** Fails with the log's location when the replay died: there is no point waiting for it to catch up. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the replaying enrich-service exited with " + process.exitValue()
                    + "; see " + log);
        }
    }

    Path log() {
        return log;
    }

    /** Stops it the way a deployment would (SIGTERM: Streams commits and leaves its group), killing it if stuck. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
