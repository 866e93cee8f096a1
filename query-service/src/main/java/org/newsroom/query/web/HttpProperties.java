package org.newsroom.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of query-service's HTTP edge ({@code query.http.*}, or {@code QUERY_HTTP_*} in the environment).
 *
 * @param maxBodySize the largest request body accepted on any endpoint; a larger one is refused with 413
 */
@ConfigurationProperties("query.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
