package org.newsroom.enrich.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream thread that dies is replaced, counted in {@code enrich.stream.threads.replaced} and reported by the
 * health endpoint. Poison records never get here ({@link PoisonRecords} dead-letters them): what does is a
 * platform failure (state store, producer, an {@link Error}), which a new thread resuming from the last commit
 * may get past. One that kills every new thread is not: after {@value #MAX_REPLACEMENTS} replacements within
 * {@link #WINDOW} the client shuts down (health DOWN) rather than replace threads in a loop.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    static final String REPLACED = "enrich.stream.threads.replaced";
    static final int MAX_REPLACEMENTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    /** The latest failure: what it was and when. */
    record LastFailure(String cause, Instant at) {
    }

    private final Counter replaced;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private long replacements;
    private LastFailure last;

    StreamThreadFailures(MeterRegistry registry, Clock clock) {
        this.replaced = Counter.builder(REPLACED).description("Kafka Streams threads that died and were replaced")
                .register(registry);
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        last = new LastFailure(exception.toString(), now);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
            recent.removeFirst();
        }
        if (recent.size() >= MAX_REPLACEMENTS) {
            log.error("A stream thread died, the {}th within {}: shutting the Streams client down instead of "
                    + "replacing it again (health DOWN)", recent.size() + 1, WINDOW, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        replacements++;
        replaced.increment();
        log.error("A stream thread died; replacing it ({} replaced so far)", replacements, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    synchronized long replacements() {
        return replacements;
    }

    synchronized Optional<LastFailure> lastFailure() {
        return Optional.ofNullable(last);
    }
}
