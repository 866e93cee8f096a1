package org.newsroom.query.indexing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.newsroom.eventheaders.CorrelationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Indexes each batch of enriched articles. Offsets are committed only after the batch is written, so a crash
 * re-delivers (and idempotently overwrites) instead of losing. Elasticsearch being unavailable stops the
 * batch and retries it with backoff, pausing consumption; a record that cannot be read or that the index
 * rejects goes to the dead-letter topic. A record without a value (a tombstone, enrich's kill or hold) removes
 * the article; only articles actually written are announced to live streams and alerts, so kills and stale
 * versions never are. Each indexed article is logged with its correlation id.
 */
@Component
class ArticleEnrichedListener {

    private static final Logger log = LoggerFactory.getLogger(ArticleEnrichedListener.class);

    private final ArticleIndexer indexer;
    private final ApplicationEventPublisher events;
    private final IndexingMetrics metrics;

    ArticleEnrichedListener(ArticleIndexer indexer, ApplicationEventPublisher events, IndexingMetrics metrics) {
        this.indexer = indexer;
        this.events = events;
        this.metrics = metrics;
    }

    @KafkaListener(id = "article-indexer", topics = Topics.ARTICLES_ENRICHED, batch = "true")
    void on(List<ConsumerRecord<String, ArticleEnriched>> records) throws IOException {
        int unreadable = firstUnreadable(records);
        List<ConsumerRecord<String, ArticleEnriched>> readable = unreadable < 0 ? records : records.subList(0, unreadable);
        List<ArticleEnriched> articles = new ArrayList<>();
        List<String> deletions = new ArrayList<>();
        for (ConsumerRecord<String, ArticleEnriched> record : LatestRecords.perArticle(readable)) {
            if (record.value() == null || !record.value().pubStatus().shown()) {
                deletions.add(record.key());
            } else {
                articles.add(record.value());
            }
        }
        BulkOutcome outcome = metrics.timed(() -> indexer.write(articles, deletions), articles.size(), deletions.size());
        if (!outcome.retryable().isEmpty()) {
            throw new IndexUnavailableException("Elasticsearch could not take " + outcome.retryable().size()
                    + " article(s), e.g. " + outcome.retryable().getFirst());
        }
        var rejectedIds = outcome.rejected().stream().map(BulkOutcome.Failure::articleId).toList();
        var indexed = articles.stream().filter(a -> !rejectedIds.contains(a.articleId())
                && !outcome.conflicts().contains(a.articleId())).toList();
        if (!indexed.isEmpty() || !deletions.isEmpty()) {
            indexed.forEach(ArticleEnrichedListener::logIndexed);
            metrics.indexed(indexed.size());
            metrics.deleted(deletions.size());
            events.publishEvent(new ArticlesIndexed(indexed, deletions));
        }
        if (!outcome.rejected().isEmpty()) {
            BulkOutcome.Failure failure = outcome.rejected().getFirst();
            log.warn("Elasticsearch rejected article {}: {}", failure.articleId(), failure.reason());
            throw new BatchListenerFailedException("rejected by the index",
                    new RejectedDocumentException(failure.reason()), indexOf(readable, failure.articleId()));
        }
        if (unreadable >= 0) {
            // The cause must say "unreadable": the error handler retries anything else for as long as it takes, and
            // one poison record would then hold up its partition forever (found by the fault campaign).
            throw new BatchListenerFailedException("unreadable record", new DeserializationException(
                    "the value is not an ArticleEnriched", null, false, null), unreadable);
        }
    }

    private static void logIndexed(ArticleEnriched article) {
        try (CorrelationContext ignored = CorrelationContext.of(article.correlationId())) {
            log.info("indexed article {} v{} ({})", article.articleId(), article.version(), article.dedup().status());
        }
    }

    /** The error-handling deserializer leaves the value null and the cause in a header. */
    private static int firstUnreadable(List<ConsumerRecord<String, ArticleEnriched>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, ArticleEnriched> record = records.get(i);
            if (record.value() == null
                    && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The article's last record in the batch: the one that was written, and so the one rejected. */
    private static int indexOf(List<ConsumerRecord<String, ArticleEnriched>> records, String articleId) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (articleId.equals(records.get(i).key())) {
                return i;
            }
        }
        return 0;
    }
}
