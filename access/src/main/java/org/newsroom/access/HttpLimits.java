package org.newsroom.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of every service's HTTP edge ({@code newsroom.http.*}, or {@code NEWSROOM_HTTP_*} in the environment).
 *
 * @param maxBodySize the largest request body accepted on any endpoint; a larger one is refused with 413 before
 *                    a controller reads it (ingest-service raises it to 5 MB for article batches)
 */
@ConfigurationProperties("newsroom.http")
public record HttpLimits(@DefaultValue("64KB") DataSize maxBodySize) {
}
