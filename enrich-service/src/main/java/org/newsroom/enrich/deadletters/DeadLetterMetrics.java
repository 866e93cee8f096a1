package org.newsroom.enrich.deadletters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.contracts.Topics;

/**
 * {@code enrich.dead.letters{topic}}: records enrich-service sent to a dead-letter topic, by the topic they were
 * read from.
 */
public final class DeadLetterMetrics {

    static final String DEAD_LETTERS = "enrich.dead.letters";

    private final MeterRegistry registry;

    public DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Exported at zero from the start, so an alert on its rate sees the first dead letter.
        counter(Topics.ARTICLES_RAW);
        counter(Topics.ARTICLES_ENRICHED);
    }

    public void sent(String sourceTopic) {
        counter(sourceTopic).increment();
    }

    private Counter counter(String sourceTopic) {
        return Counter.builder(DEAD_LETTERS)
                .description("Records sent to a dead-letter topic, by the topic they came from")
                .tag("topic", sourceTopic).register(registry);
    }
}
