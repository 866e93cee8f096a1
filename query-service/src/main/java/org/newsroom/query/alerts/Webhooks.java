package org.newsroom.query.alerts;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.newsroom.contracts.AlertMatched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs matches to webhooks in the background: each call has a timeout, 429, 5xx and I/O failures are retried
 * with doubling backoff up to {@link AlertProperties#webhookAttempts()}, and at most
 * {@link AlertProperties#webhookBacklog()} deliveries wait at once, so a dead endpoint costs bounded memory.
 */
@Component
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final AlertProperties properties;
    private final JsonMapper json;
    private final HttpClient http;
    private final ScheduledExecutorService executor;
    private final Semaphore backlog;

    Webhooks(AlertProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.executor = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("webhook-", 1).factory());
        this.backlog = new Semaphore(properties.webhookBacklog());
    }

    /** Queues a delivery; returns at once. Dropped, with a warning, when the backlog is full. */
    void deliver(URI webhook, AlertMatched match) {
        if (!backlog.tryAcquire()) {
            log.warn("Webhook backlog full: dropped match {} of alert {} for {}", match.eventId(), match.alertId(), webhook);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("X-Newsroom-Event-Id", match.eventId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(match))).build();
        schedule(() -> attempt(request, match, 1), 0, match);
    }

    private void schedule(Runnable attempt, long delayMillis, AlertMatched match) {
        try {
            executor.schedule(attempt, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            backlog.release();
            log.warn("Shutting down: dropped webhook delivery of match {} of alert {}", match.eventId(), match.alertId());
        }
    }

    private void attempt(HttpRequest request, AlertMatched match, int attempt) {
        String outcome;
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 300) {
                backlog.release();
                return;
            }
            outcome = "HTTP " + status;
            if (status != 429 && status < 500) {
                giveUp(request, match, outcome);
                return;
            }
        } catch (IOException e) {
            outcome = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(request, match, "shutting down");
            return;
        }
        if (attempt >= properties.webhookAttempts()) {
            giveUp(request, match, outcome + " after " + attempt + " attempts");
            return;
        }
        long delay = properties.webhookBackoff().toMillis() << (attempt - 1);
        schedule(() -> attempt(request, match, attempt + 1), delay, match);
    }

    private void giveUp(HttpRequest request, AlertMatched match, String outcome) {
        backlog.release();
        log.warn("Webhook {} did not take match {} of alert {}: {}", request.uri(), match.eventId(), match.alertId(), outcome);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
