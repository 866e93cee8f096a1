package org.newsroom.query.alerts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.newsroom.contracts.Topics;
import org.newsroom.query.indexing.ArticlesIndexed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks every indexed batch against the saved searches and announces each match on
 * {@code alerts.matched.v1} (keyed by alert id) and to the alert's webhook. Runs on the indexing thread, so
 * it waits at most {@link AlertProperties#publishTimeout()} for Kafka and hands webhooks to a background
 * queue; a failure is logged and never fails or stalls indexing.
 */
@Component
class ArticlesIndexedAlerts {

    private static final Logger log = LoggerFactory.getLogger(ArticlesIndexedAlerts.class);

    private final SavedSearches savedSearches;
    private final AlertPercolator percolator;
    private final KafkaTemplate<Object, Object> kafka;
    private final Webhooks webhooks;
    private final AlertProperties properties;

    ArticlesIndexedAlerts(SavedSearches savedSearches, AlertPercolator percolator, KafkaTemplate<Object, Object> kafka,
                          Webhooks webhooks, AlertProperties properties) {
        this.savedSearches = savedSearches;
        this.percolator = percolator;
        this.kafka = kafka;
        this.webhooks = webhooks;
        this.properties = properties;
    }

    @EventListener
    void on(ArticlesIndexed indexed) {
        if (indexed.articles().isEmpty()) {
            return;
        }
        try {
            if (!savedSearches.anySaved()) {
                return;
            }
            List<AlertPercolator.Match> matches = percolator.matches(indexed.articles());
            CompletableFuture<?>[] sends = matches.stream()
                    .map(m -> kafka.send(Topics.ALERTS_MATCHED, m.alert().id(), m.event()))
                    .toArray(CompletableFuture[]::new);
            matches.stream().filter(m -> m.alert().webhook() != null)
                    .forEach(m -> webhooks.deliver(m.alert().webhook(), m.event()));
            CompletableFuture.allOf(sends).get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Saved searches were not checked or announced for {} article(s), e.g. {}: {}",
                    indexed.articles().size(), indexed.articles().getFirst().articleId(), e.toString());
        }
    }
}
