package org.newsroom.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of query-service ({@code query.*}, or {@code QUERY_*} in the environment).
 *
 * @param indexAlias     the alias searches and writes go through; a reindex swaps the index behind it
 * @param indexVersion   the concrete index created behind the alias when none exists
 * @param maxPageSize    the largest {@code size} a search may ask for
 * @param maxFrom        the deepest offset {@code from} (or a collapsed search's cursor) may reach
 * @param maxQueryLength the longest query text {@code q} accepted
 * @param maxFilters     how many filter values (tags, entities, sources, ...) one search may combine
 * @param refreshInterval how often Elasticsearch makes new writes searchable: the floor of drop-to-searchable
 *                       latency, paid for in CPU per article (docs/benchmarks.md, "refresh A/B"); applied to the
 *                       template and to the indices behind the alias at start
 */
@ConfigurationProperties("query")
public record QueryProperties(
        @DefaultValue("articles") String indexAlias,
        @DefaultValue("articles-v1") String indexVersion,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("10000") int maxFrom,
        @DefaultValue("1000") int maxQueryLength,
        @DefaultValue("20") int maxFilters,
        @DefaultValue("500ms") Duration refreshInterval) {

    public QueryProperties {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("query.refresh-interval must be positive, got " + refreshInterval);
        }
    }

    /** The defaults for {@code alias}, for tools and tests that run without Spring's binding. */
    public static QueryProperties forAlias(String alias) {
        return new QueryProperties(alias, alias + "-v1", 100, 10_000, 1_000, 20, Duration.ofMillis(500));
    }
}
