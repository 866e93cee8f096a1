package org.newsroom.enrich.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code enrich.routing.records}: enriched records the tag router has committed (copied, or with nothing to copy);
 * {@code enrich.routing.transactions}: the Kafka transactions it committed, dead letters' included. Transactions
 * per record is their ratio: 1 would be a transaction per record, a full batch is 1 / {@code enrich.routing.max-batch}.
 */
final class RoutingMetrics {

    static final String RECORDS = "enrich.routing.records";
    static final String TRANSACTIONS = "enrich.routing.transactions";

    private final Counter records;
    private final Counter transactions;

    RoutingMetrics(MeterRegistry registry) {
        records = Counter.builder(RECORDS).description("Enriched records the tag router committed").register(registry);
        transactions = Counter.builder(TRANSACTIONS).description("Kafka transactions the tag router committed")
                .register(registry);
    }

    void committed(int recordCount) {
        records.increment(recordCount);
        transactions.increment();
    }

    void deadLettered() {
        transactions.increment();
    }
}
