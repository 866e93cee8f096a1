package org.newsroom.eventheaders;

import org.slf4j.MDC;

/**
 * Puts an article's correlation id into the logging context (MDC key {@value #MDC_KEY}, the event field's
 * name) while one thread handles the article, so every line logged meanwhile carries it; closing restores
 * what was there before, which keeps nested or pooled use (Kafka Streams threads) from leaking ids.
 */
public final class CorrelationContext implements AutoCloseable {

    public static final String MDC_KEY = "correlationId";

    private final String previous;

    private CorrelationContext(String previous) {
        this.previous = previous;
    }

    /** Opens the context; an article without a correlation id clears it, so no other article's id shows. */
    public static CorrelationContext of(String correlationId) {
        CorrelationContext context = new CorrelationContext(MDC.get(MDC_KEY));
        if (correlationId == null || correlationId.isBlank()) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, correlationId);
        }
        return context;
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, previous);
        }
    }
}
