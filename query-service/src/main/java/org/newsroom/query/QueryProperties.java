package org.newsroom.query;

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
 */
@ConfigurationProperties("query")
public record QueryProperties(
        @DefaultValue("articles") String indexAlias,
        @DefaultValue("articles-v1") String indexVersion,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("10000") int maxFrom,
        @DefaultValue("1000") int maxQueryLength,
        @DefaultValue("20") int maxFilters) {
}
