package org.newsroom.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of query-service ({@code query.*}, or {@code QUERY_*} in the environment).
 *
 * @param indexAlias   the alias searches and writes go through; a reindex swaps the index behind it
 * @param indexVersion the concrete index created behind the alias when none exists
 * @param maxPageSize  the largest {@code size} a search may ask for
 * @param maxFrom      the deepest offset {@code from} may reach
 */
@ConfigurationProperties("query")
public record QueryProperties(
        @DefaultValue("articles") String indexAlias,
        @DefaultValue("articles-v1") String indexVersion,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("10000") int maxFrom) {
}
