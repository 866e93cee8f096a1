package org.newsroom.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsroom.contracts.SourceKind;
import org.springframework.stereotype.Component;

/**
 * Counts articles per outcome, intake path and source as {@code ingest.articles{outcome,path,source}}
 * ({@code ingest_articles_total} on {@code /actuator/prometheus}).
 */
@Component
public class IntakeMetrics {

    static final String NAME = "ingest.articles";

    /** What became of an article: published and acknowledged, refused as input, or not acknowledged by Kafka. */
    public enum Outcome {
        accepted, rejected, failed_publish;

        String tag() {
            return name().replace('_', '-');
        }
    }

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(Outcome outcome, SourceKind path, String source, int articles) {
        if (articles <= 0) {
            return;
        }
        Counter.builder(NAME)
                .description("Articles taken in, by outcome, intake path and source")
                .tag("outcome", outcome.tag())
                .tag("path", path.name())
                .tag("source", source == null || source.isBlank() ? "unknown" : source)
                .register(registry)
                .increment(articles);
    }
}
