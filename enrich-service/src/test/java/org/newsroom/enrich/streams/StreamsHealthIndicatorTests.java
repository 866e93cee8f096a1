package org.newsroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class StreamsHealthIndicatorTests {

    private static final Instant NOW = Instant.parse("2019-05-06T12:00:00Z");

    private final StreamThreadFailures failures = new StreamThreadFailures(new SimpleMeterRegistry(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final StreamsHealthIndicator indicator = new StreamsHealthIndicator(new StreamsBuilderFactoryBean(), failures);

    @Test
    void staysUpAfterAStreamThreadWasReplacedAndSaysHowManyAndWhy() {
        failures.handle(new IllegalStateException("RocksDB write failed"));

        Health health = healthWhen(KafkaStreams.State.RUNNING);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "RUNNING").containsEntry("replacedThreads", 1L)
                .containsEntry("lastThreadFailure",
                        Map.of("cause", "java.lang.IllegalStateException: RocksDB write failed", "at", NOW.toString()));
    }

    @Test
    void staysUpWhileRebalancing() {
        assertThat(healthWhen(KafkaStreams.State.REBALANCING).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownOnceTheClientFailedOrStopped() {
        failures.handle(new IllegalStateException("RocksDB write failed"));

        for (KafkaStreams.State state : new KafkaStreams.State[] {KafkaStreams.State.PENDING_ERROR,
                KafkaStreams.State.ERROR, KafkaStreams.State.NOT_RUNNING}) {
            Health health = healthWhen(state);
            assertThat(health.getStatus()).as(state.name()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("state", state.name()).containsEntry("replacedThreads", 1L)
                    .containsKey("lastThreadFailure");
        }
    }

    @Test
    void isDownWithNoThreadFailureBeforeTheTopologyStarted() {
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "NOT_RUNNING").containsEntry("replacedThreads", 0L)
                .doesNotContainKey("lastThreadFailure");
    }

    private Health healthWhen(KafkaStreams.State state) {
        Health.Builder builder = new Health.Builder();
        indicator.describe(builder, state);
        return builder.build();
    }
}
