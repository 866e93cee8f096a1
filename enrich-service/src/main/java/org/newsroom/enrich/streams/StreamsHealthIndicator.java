package org.newsroom.enrich.streams;

import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * UP while the topology runs (or rebalances), replaced stream threads or not; DOWN when it has stopped or
 * failed. Either way the details say how many stream threads died and were replaced, and the latest cause.
 */
@Component("kafkaStreams")
class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;
    private final StreamThreadFailures failures;

    StreamsHealthIndicator(StreamsBuilderFactoryBean streams, StreamThreadFailures failures) {
        this.streams = streams;
        this.failures = failures;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        describe(builder, kafkaStreams == null ? KafkaStreams.State.NOT_RUNNING : kafkaStreams.state());
    }

    void describe(Health.Builder builder, KafkaStreams.State state) {
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        (up ? builder.up() : builder.down()).withDetail("state", state.name())
                .withDetail("replacedThreads", failures.replacements());
        failures.lastFailure().ifPresent(last -> builder.withDetail("lastThreadFailure",
                Map.of("cause", last.cause(), "at", last.at().toString())));
    }
}
