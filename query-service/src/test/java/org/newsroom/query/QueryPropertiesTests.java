package org.newsroom.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryPropertiesTests {

    @Test
    void refusesARefreshIntervalElasticsearchWouldReadAsNoRefreshAtAll() {
        for (Duration interval : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofNanos(500_000)}) {
            assertThatThrownBy(() -> withRefresh(interval)).as(interval.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refresh-interval");
        }
        assertThat(withRefresh(Duration.ofMillis(1)).refreshInterval()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void commandLineToolsKeepTheRefreshIntervalTheServicesAreGiven() {
        assertThat(QueryProperties.forTools("articles", Map.of("QUERY_REFRESH_INTERVAL", "1s")).refreshInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(QueryProperties.forTools("articles", Map.of("QUERY_REFRESHINTERVAL", "250ms")).refreshInterval())
                .isEqualTo(Duration.ofMillis(250));
        assertThat(QueryProperties.forTools("news", Map.of()))
                .isEqualTo(QueryProperties.forAlias("news"))
                .extracting(QueryProperties::refreshInterval).isEqualTo(Duration.ofMillis(500));
    }

    private static QueryProperties withRefresh(Duration interval) {
        return new QueryProperties("articles", "articles-v1", 100, 10_000, 1_000, 20, interval);
    }
}
