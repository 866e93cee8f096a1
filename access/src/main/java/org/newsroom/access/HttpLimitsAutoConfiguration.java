package org.newsroom.access;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * {@link HttpLimits} in every context, a web server or not: a service started without one (a test of its Kafka
 * side) still creates its controllers, which read the limit.
 */
@AutoConfiguration
@EnableConfigurationProperties(HttpLimits.class)
public class HttpLimitsAutoConfiguration {
}
