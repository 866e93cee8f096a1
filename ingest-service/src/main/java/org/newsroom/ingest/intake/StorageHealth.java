package org.newsroom.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether ingest can write what it keeps on disk: files moved to done or failed, their {@code .error}
 * reasons, feed positions. A write that fails (typically a full disk, {@code No space left on device}) is
 * logged once as an error, counted as {@code ingest.storage.failures{operation}} and turns health
 * ({@code storage}) DOWN until the same operation succeeds again; the callers keep the input where it was,
 * so nothing is lost while the disk is full.
 */
@Component("storage")
public class StorageHealth implements HealthIndicator {

    static final String METRIC = "ingest.storage.failures";

    private static final Logger log = LoggerFactory.getLogger(StorageHealth.class);

    /** What ingest writes, one value per kind of write (the metric's {@code operation} tag). */
    public enum Operation {
        done, failed, item_failures, feed_state;

        String tag() {
            return name().replace('_', '-');
        }
    }

    /** The last failure of an operation still failing. */
    record Failure(Path path, String reason, Instant since) {
    }

    private final MeterRegistry registry;
    private final Map<Operation, Failure> failing = new ConcurrentHashMap<>();

    public StorageHealth(MeterRegistry registry) {
        this.registry = registry;
    }

    public void failed(Operation operation, Path path, IOException error) {
        Counter.builder(METRIC)
                .description("Writes to the inbox volume or the feed state that failed (e.g. disk full), by operation")
                .tag("operation", operation.tag())
                .register(registry)
                .increment();
        String reason = error.toString();
        Failure previous = failing.put(operation, new Failure(path, reason, Instant.now()));
        if (previous == null) {
            log.error("Cannot write {} ({}): {}; nothing is dropped, the write is retried until it works (health 'storage' is DOWN)",
                    path, operation.tag(), reason);
        } else {
            log.debug("Still cannot write {} ({}): {}", path, operation.tag(), reason);
        }
    }

    public void recovered(Operation operation) {
        Failure previous = failing.remove(operation);
        if (previous != null) {
            log.info("Writing works again ({}), after failing since {}", operation.tag(), previous.since());
        }
    }

    boolean isFailing(Operation operation) {
        return failing.containsKey(operation);
    }

    @Override
    public Health health() {
        if (failing.isEmpty()) {
            return Health.up().build();
        }
        Health.Builder down = Health.down();
        failing.forEach((operation, failure) -> down.withDetail(operation.tag(),
                Map.of("path", failure.path().toString(), "reason", failure.reason(), "since", failure.since().toString())));
        return down.build();
    }
}
