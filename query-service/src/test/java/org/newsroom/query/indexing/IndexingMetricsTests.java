package org.newsroom.query.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexingMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IndexingMetrics metrics = new IndexingMetrics(registry);

    @Test
    void timesEachBulkRequestAndCountsTheItemsItDidNotWriteByKind() throws IOException {
        BulkOutcome outcome = new BulkOutcome(3, List.of("d"), List.of(new BulkOutcome.Failure("a", 429, "busy")),
                List.of(new BulkOutcome.Failure("b", 400, "mapper_parsing_exception"),
                        new BulkOutcome.Failure("c", 400, "mapper_parsing_exception")));

        metrics.timed(() -> outcome, 6, 1);

        assertThat(registry.get(IndexingMetrics.BULK).timer().count()).isEqualTo(1);
        assertThat(failures("retryable")).isEqualTo(1);
        assertThat(failures("rejected")).isEqualTo(2);
        assertThat(failures("conflict")).isEqualTo(1);
        assertThat(failures("unavailable")).isZero();
    }

    @Test
    void countsEveryItemOfARequestThatFailedAsUnavailableAndPassesTheFailureOn() {
        assertThatThrownBy(() -> metrics.timed(() -> {
            throw new IOException("Connection refused");
        }, 4, 1)).isInstanceOf(IOException.class);

        assertThat(failures("unavailable")).isEqualTo(5);
        assertThat(registry.get(IndexingMetrics.BULK).timer().count()).isEqualTo(1);
    }

    private double failures(String kind) {
        return registry.get(IndexingMetrics.BULK_FAILURES).tag("kind", kind).counter().count();
    }
}
