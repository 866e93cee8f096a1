package org.newsroom.query.alerts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of saved searches ({@code alerts.*}, or {@code ALERTS_*} in the environment). Webhooks go through the
 * outbound guard (docs/security.md): an internal address is refused when the alert is created and when it is called.
 *
 * @param indexAlias       the alias of the percolator index holding the saved searches
 * @param indexVersion     the concrete index created behind the alias when none exists
 * @param maxAlerts        the most saved searches kept; also the most that can match one batch
 * @param partitions       partitions of {@code alerts.matched.v1} when query-service creates it
 * @param publishTimeout   how long indexing waits for Kafka to acknowledge a batch's matches
 * @param webhookTimeout   connect and response timeout of one webhook call
 * @param webhookAttempts  calls per match before a webhook delivery is given up
 * @param webhookBackoff   wait before the first retry, doubled for each further one
 * @param webhookBacklog   deliveries queued or in flight at most; beyond that new ones are dropped
 * @param webhookTotalTimeout the longest one webhook call may take, however slowly the endpoint answers
 * @param webhookMaxResponse  a longer response body fails the call (the body itself is not used)
 * @param webhookAllow     internal ranges ({@code 10.1.0.0/16}) and host names ({@code hooks.internal.example})
 *                         that webhooks may call all the same
 */
@ConfigurationProperties("alerts")
public record AlertProperties(
        @DefaultValue("alerts") String indexAlias,
        @DefaultValue("alerts-v1") String indexVersion,
        @DefaultValue("1000") int maxAlerts,
        @DefaultValue("3") int partitions,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("5s") Duration webhookTimeout,
        @DefaultValue("3") int webhookAttempts,
        @DefaultValue("1s") Duration webhookBackoff,
        @DefaultValue("1000") int webhookBacklog,
        @DefaultValue("10s") Duration webhookTotalTimeout,
        @DefaultValue("64KB") DataSize webhookMaxResponse,
        @DefaultValue List<String> webhookAllow) {
}
