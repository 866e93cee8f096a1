package org.newsroom.ingest.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes received articles on the raw topic, keyed by article id, and returns only once the broker has
 * acknowledged every one of them ({@code acks=all}, idempotent producer): the caller may then let go of
 * the input.
 */
@Component
public class ArticleReceivedPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, ArticleReceived> kafka;

    ArticleReceivedPublisher(KafkaTemplate<String, ArticleReceived> kafka) {
        this.kafka = kafka;
    }

    public void publish(List<ArticleReceived> articles) throws PublishFailedException {
        List<CompletableFuture<?>> sends;
        try {
            sends = articles.stream()
                    .<CompletableFuture<?>>map(article -> kafka.send(Topics.ARTICLES_RAW, article.articleId(), article))
                    .toList();
        } catch (RuntimeException e) {
            // send() itself throws when the broker's metadata cannot be had within max.block.ms, or on a bad record.
            throw new PublishFailedException("Kafka refused the send: " + e.getMessage(), e, !refused(e));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause(),
                    !refused(e.getCause()));
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge within " + ACK_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        }
    }

    /**
     * Whether Kafka refused the record for what it is, so that sending it again can never succeed. Anything else
     * (timeouts, an unreachable broker, a closed producer) is taken as passing and the input is kept.
     */
    static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof SerializationException || cause instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }
}
