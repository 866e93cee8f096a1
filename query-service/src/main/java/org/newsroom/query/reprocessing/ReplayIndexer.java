package org.newsroom.query.reprocessing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.query.indexing.ArticleEnrichedDeserializer;
import org.newsroom.query.indexing.ArticleIndexer;
import org.newsroom.query.indexing.BulkOutcome;

/**
 * Bulk-indexes a replay's output topic into the new index (by name, not through the alias), document id =
 * article id, so a record replayed twice overwrites. Reads committed records only: the replaying instance
 * writes in transactions. Any document Elasticsearch rejects for good stops the run before the alias moves.
 */
final class ReplayIndexer implements Runnable, AutoCloseable {

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KafkaConsumer<String, ArticleEnriched> consumer;
    private final ArticleIndexer indexer;
    private final String index;
    private final ReprocessRequest request;
    private final AtomicLong indexed = new AtomicLong();
    private static final long NEVER = Long.MIN_VALUE;
    private volatile long lastCaughtUp = NEVER;
    private volatile boolean running = true;
    private volatile Exception failure;

    ReplayIndexer(String bootstrapServers, String topic, ArticleIndexer indexer, String index, ReprocessRequest request) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                new StringDeserializer(), new ArticleEnrichedDeserializer());
        this.indexer = indexer;
        this.index = index;
        this.request = request;
        // A topic created a moment ago may not be in the metadata yet.
        List<TopicPartition> partitions = List.of();
        for (int attempt = 0; partitions.isEmpty() && attempt < 60; attempt++) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(1)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @Override
    public void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                List<ArticleEnriched> articles = new ArrayList<>();
                List<String> deletions = new ArrayList<>();
                for (ConsumerRecord<String, ArticleEnriched> record : records) {
                    if (!request.covers(record.timestamp())) {
                        continue;
                    }
                    if (record.value() == null) {
                        deletions.add(record.key());
                    } else {
                        articles.add(record.value());
                    }
                }
                write(articles, deletions);
                noteWhetherCaughtUp();
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void write(List<ArticleEnriched> articles, List<String> deletions) throws IOException, InterruptedException {
        while (true) {
            BulkOutcome outcome = indexer.writeTo(index, articles, deletions);
            if (!outcome.rejected().isEmpty()) {
                throw new IOException(index + " rejected " + outcome.rejected().size() + " documents, e.g. "
                        + outcome.rejected().getFirst());
            }
            indexed.addAndGet(outcome.written());
            if (outcome.retryable().isEmpty()) {
                return;
            }
            var retry = outcome.retryable().stream().map(BulkOutcome.Failure::articleId).toList();
            articles = articles.stream().filter(a -> retry.contains(a.articleId())).toList();
            deletions = deletions.stream().filter(retry::contains).toList();
            Thread.sleep(RETRY);
        }
    }

    /** Stamped with the time before the end offsets were read, so the caller can order it after its own checks. */
    private void noteWhetherCaughtUp() {
        long stamp = System.nanoTime();
        var ends = consumer.endOffsets(consumer.assignment());
        if (ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            lastCaughtUp = stamp;
        }
    }

    /** Whether everything the replay had committed by {@code nanoTime} is written to the new index. */
    boolean caughtUpAfter(long nanoTime) {
        long last = lastCaughtUp;
        return last != NEVER && last - nanoTime >= 0;
    }

    long indexed() {
        return indexed.get();
    }

    /** Why indexing stopped, if it did. */
    Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
    }
}
