package org.newsroom.query.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * The write side as seen on {@code /actuator/prometheus}: {@code query.articles{outcome=indexed|deleted}},
 * the latency of each bulk request ({@code query.bulk}, a histogram, so percentiles can be taken across
 * instances) and the items it could not write, {@code query.bulk.failures{kind=retryable|rejected|conflict|unavailable}}.
 */
@Component
class IndexingMetrics {

    static final String ARTICLES = "query.articles";
    static final String BULK = "query.bulk";
    static final String BULK_FAILURES = "query.bulk.failures";

    /** Why a bulk item, or a whole bulk request, was not written. */
    enum FailureKind {
        /** 429/5xx: the batch is retried. */
        retryable,
        /** 4xx: the article goes to the dead-letter topic. */
        rejected,
        /** 409: a newer version is already there. */
        conflict,
        /** The request itself failed (Elasticsearch unreachable): the batch is retried. */
        unavailable
    }

    private final MeterRegistry registry;
    private final Timer bulk;

    IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bulk = Timer.builder(BULK).description("Latency of one bulk request to Elasticsearch")
                .publishPercentileHistogram().register(registry);
        // Exported at zero from the start, so an alert on their rate sees the first failure.
        for (FailureKind kind : FailureKind.values()) {
            failures(kind);
        }
    }

    /** Runs one bulk write, timing it and counting what it wrote and failed to write. */
    BulkOutcome timed(BulkWrite write, int articles, int deletions) throws IOException {
        Timer.Sample sample = Timer.start(registry);
        BulkOutcome outcome;
        try {
            outcome = write.run();
        } catch (IOException | RuntimeException e) {
            failed(FailureKind.unavailable, articles + deletions);
            throw e;
        } finally {
            sample.stop(bulk);
        }
        failed(FailureKind.retryable, outcome.retryable().size());
        failed(FailureKind.rejected, outcome.rejected().size());
        failed(FailureKind.conflict, outcome.conflicts().size());
        return outcome;
    }

    void indexed(int articles) {
        articles("indexed", articles);
    }

    void deleted(int articles) {
        articles("deleted", articles);
    }

    private void failed(FailureKind kind, int items) {
        if (items > 0) {
            failures(kind).increment(items);
        }
    }

    private Counter failures(FailureKind kind) {
        return Counter.builder(BULK_FAILURES).description("Bulk items or requests Elasticsearch did not write, by kind")
                .tag("kind", kind.name()).register(registry);
    }

    private void articles(String outcome, int amount) {
        if (amount > 0) {
            Counter.builder(ARTICLES).description("Articles written to or removed from the index")
                    .tag("outcome", outcome).register(registry).increment(amount);
        }
    }

    /** A bulk request to time. */
    @FunctionalInterface
    interface BulkWrite {
        BulkOutcome run() throws IOException;
    }
}
