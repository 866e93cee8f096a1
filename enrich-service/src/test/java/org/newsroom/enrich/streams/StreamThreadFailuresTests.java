package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SteppingClock clock = new SteppingClock(Instant.parse("2019-05-06T12:00:00Z"));
    private final StreamThreadFailures failures = new StreamThreadFailures(registry, clock);

    @Test
    void replacesADeadThreadAndCountsIt() {
        StreamThreadExceptionResponse response = failures.handle(new IllegalStateException("state store closed"));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(registry.get(StreamThreadFailures.REPLACED).counter().count()).isEqualTo(1);
        assertThat(failures.replacements()).isEqualTo(1);
        assertThat(failures.lastFailure()).hasValue(new StreamThreadFailures.LastFailure(
                "java.lang.IllegalStateException: state store closed", clock.instant()));
    }

    @Test
    void shutsTheClientDownWhenEveryNewThreadDiesRatherThanReplaceThreadsInALoop() {
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
            assertThat(failures.handle(new OutOfMemoryError("Java heap space")))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            clock.step(Duration.ofSeconds(5));
        }

        assertThat(failures.handle(new OutOfMemoryError("Java heap space")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.replacements()).isEqualTo(StreamThreadFailures.MAX_REPLACEMENTS);
    }

    @Test
    void replacesThreadsAgainOnceEarlierFailuresAreOlderThanTheWindow() {
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
            failures.handle(new IllegalStateException("broker went away"));
        }
        clock.step(StreamThreadFailures.WINDOW.plusSeconds(1));

        assertThat(failures.handle(new IllegalStateException("broker went away")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    private static final class SteppingClock extends Clock {

        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void step(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
