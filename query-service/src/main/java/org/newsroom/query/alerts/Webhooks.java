package org.newsroom.query.alerts;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.newsroom.contracts.AlertMatched;
import org.newsroom.eventheaders.CloudEventAttributes;
import org.newsroom.eventheaders.CloudEventHeaders;
import org.newsroom.outbound.GuardedHttp;
import org.newsroom.outbound.OutboundSettings;
import org.newsroom.outbound.RefusedDestinationException;
import org.newsroom.outbound.ResponseTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs matches to webhooks in the background through the outbound guard: each call is bounded in time, 429, 5xx
 * and I/O failures are retried with doubling backoff up to {@link AlertProperties#webhookAttempts()}, an address the
 * guard refuses is given up at once, and at most {@link AlertProperties#webhookBacklog()} deliveries wait at once,
 * so a dead endpoint costs bounded memory.
 */
@Component
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final AlertProperties properties;
    private final JsonMapper json;
    private final GuardedHttp http;
    private final ScheduledExecutorService executor;
    private final Semaphore backlog;

    private record Delivery(URI webhook, byte[] body, AlertMatched match) {
    }

    Webhooks(AlertProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        // No redirects: a webhook answers where it was registered (its address was checked then).
        this.http = new GuardedHttp(new OutboundSettings(properties.webhookTimeout(), properties.webhookTimeout(),
                properties.webhookTotalTimeout(), properties.webhookMaxResponse().toBytes(), 0, properties.webhookAllow()));
        this.executor = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("webhook-", 1).factory());
        this.backlog = new Semaphore(properties.webhookBacklog());
    }

    /** Queues a delivery; returns at once. Dropped, with a warning, when the backlog is full. */
    void deliver(URI webhook, AlertMatched match) {
        if (!backlog.tryAcquire()) {
            log.warn("Webhook backlog full: dropped match {} of alert {} for {}", match.eventId(), match.alertId(), webhook);
            return;
        }
        Delivery delivery = new Delivery(webhook, json.writeValueAsBytes(match), match);
        schedule(() -> attempt(delivery, 1), 0, match);
    }

    private void schedule(Runnable attempt, long delayMillis, AlertMatched match) {
        try {
            executor.schedule(attempt, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            backlog.release();
            log.warn("Shutting down: dropped webhook delivery of match {} of alert {}", match.eventId(), match.alertId());
        }
    }

    /**
     * A CloudEvent in HTTP binary mode: the body is the match, {@code ce-*} headers carry the same attributes as
     * its Kafka record's {@code ce_*} headers; {@code X-Newsroom-Event-Id} stays for receivers written before.
     */
    static Map<String, String> headers(AlertMatched match) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.http(CloudEventAttributes.of(match).orElseThrow()));
        headers.put("X-Newsroom-Event-Id", match.eventId().toString());
        return headers;
    }

    private void attempt(Delivery delivery, int attempt) {
        String outcome;
        try {
            int status = http.post(delivery.webhook(), delivery.body(), "application/json",
                    headers(delivery.match())).status();
            if (status < 300) {
                backlog.release();
                return;
            }
            outcome = "HTTP " + status;
            if (status != 429 && status < 500) {
                giveUp(delivery, outcome);
                return;
            }
        } catch (RefusedDestinationException e) {
            giveUp(delivery, "refused, " + e.getMessage() + "; allow it with alerts.webhook-allow");
            return;
        } catch (ResponseTooLargeException e) {
            // The endpoint answered, so it may well have taken the match: a retry could deliver it twice.
            giveUp(delivery, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            // a RuntimeException too, so the delivery's backlog slot is always given back
            outcome = e.toString();
        }
        if (attempt >= properties.webhookAttempts()) {
            giveUp(delivery, outcome + " after " + attempt + " attempts");
            return;
        }
        long delay = properties.webhookBackoff().toMillis() << (attempt - 1);
        schedule(() -> attempt(delivery, attempt + 1), delay, delivery.match());
    }

    private void giveUp(Delivery delivery, String outcome) {
        backlog.release();
        log.warn("Webhook {} did not take match {} of alert {}: {}", delivery.webhook(), delivery.match().eventId(),
                delivery.match().alertId(), outcome);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        http.close();
    }
}
