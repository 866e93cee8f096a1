package org.newsroom.enrich.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Copies each enriched article to its per-tag topics, and tombstones it in the topics of the tags it dropped
 * ({@link DroppedTags}: all of them when it was killed). One Kafka transaction per poll carries the copies of all
 * its records and their consumed offsets, reading committed records only, so a crash neither loses nor duplicates
 * a copy (for read_committed subscribers). A record it cannot route fails alone: the records before it commit,
 * and the error handler retries it, then dead-letters it, before the ones after it come again.
 */
class ArticleEnrichedListener {

    static final String ID = "enrich-tag-router";

    private static final LogAccessor LOG = new LogAccessor(ArticleEnrichedListener.class);

    /** What one record becomes: copies of its article, and tombstones in the topics of the tags it left. */
    private record Copies(ConsumerRecord<String, ArticleEnriched> source, List<String> copies, List<String> tombstones) {

        Stream<String> topics() {
            return Stream.concat(copies.stream(), tombstones.stream());
        }
    }

    /** The records of a batch that can be routed, all those before the first that cannot, and why that one cannot. */
    private record Routable(List<Copies> copies, RuntimeException failure) {
    }

    private final TagRoutes routes;
    private final KafkaOperations<String, Object> template;
    private final TagTopics topics;
    private final RoutingMetrics metrics;

    ArticleEnrichedListener(TagRoutes routes, KafkaOperations<String, Object> template, TagTopics topics,
                            RoutingMetrics metrics) {
        this.routes = routes;
        this.template = template;
        this.topics = topics;
        this.metrics = metrics;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.ARTICLES_ENRICHED,
            containerFactory = RoutingConfiguration.CONTAINER_FACTORY)
    void on(List<ConsumerRecord<String, ArticleEnriched>> records, Consumer<?, ?> consumer) {
        Routable routable = routable(records);
        commit(routable.copies(), consumer);
        if (routable.failure() != null) {
            int failed = routable.copies().size();
            throw new BatchListenerFailedException("Cannot route " + records.get(failed).key(), routable.failure(), failed);
        }
    }

    /**
     * The records up to the first one that cannot be routed, worked out and their topics created before anything
     * is sent, so a record that fails sends nothing. New topics are created in one admin call per batch.
     */
    private Routable routable(List<ConsumerRecord<String, ArticleEnriched>> records) {
        List<Copies> routable = new ArrayList<>(records.size());
        RuntimeException failure = null;
        for (ConsumerRecord<String, ArticleEnriched> record : records) {
            try {
                routable.add(copiesOf(record));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        try {
            topics.ensure(routable.stream().flatMap(Copies::topics).toList());
        } catch (RuntimeException refused) {
            // Which record needs a topic the broker refuses: ask again record by record.
            for (int i = 0; i < routable.size(); i++) {
                try {
                    topics.ensure(routable.get(i).topics().toList());
                } catch (RuntimeException e) {
                    return new Routable(routable.subList(0, i), e);
                }
            }
        }
        return new Routable(routable, failure);
    }

    private Copies copiesOf(ConsumerRecord<String, ArticleEnriched> record) {
        DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (unreadable != null) {
            throw unreadable;
        }
        List<String> current = record.value() == null ? List.of() : routes.topicsOf(record.value());
        // A tombstone (kill) or a correction that lost tags: take the article out of the topics it left.
        List<String> left = routes.topicsOf(DroppedTags.of(record.headers())).stream()
                .filter(topic -> !current.contains(topic)).toList();
        return new Copies(record, current, left);
    }

    /**
     * Sends the copies and commits the offsets of {@code batch} in one transaction. If a send fails, that transaction
     * is aborted, the records before the failing one are committed in a second, and the failing one is reported.
     */
    private void commit(List<Copies> batch, Consumer<?, ?> consumer) {
        if (batch.isEmpty()) {
            return;
        }
        BatchSends sends = new BatchSends();
        try {
            template.executeInTransaction(operations -> send(operations, batch, consumer, sends));
        } catch (RuntimeException e) {
            BatchSends.Failure failure = sends.failure(e);
            commitBefore(failure, batch, consumer);
            throw new BatchListenerFailedException("Cannot send the copies of "
                    + batch.get(failure.record()).source().key(), failure.cause(), failure.record());
        }
        metrics.committed(batch.size());
    }

    private void commitBefore(BatchSends.Failure failure, List<Copies> batch, Consumer<?, ?> consumer) {
        if (failure.record() == 0) {
            return;
        }
        List<Copies> before = batch.subList(0, failure.record());
        try {
            template.executeInTransaction(operations -> send(operations, before, consumer, new BatchSends()));
        } catch (RuntimeException e) {
            // Nothing of the batch is committed: retry it from its first record, which must not be reported as done.
            throw new BatchListenerFailedException("Cannot commit the batch", e, 0);
        }
        metrics.committed(before.size());
    }

    private Void send(KafkaOperations<String, Object> operations, List<Copies> batch, Consumer<?, ?> consumer,
                      BatchSends sends) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, ArticleEnriched> source = batch.get(i).source();
            sends.sending(i);
            for (String topic : batch.get(i).copies()) {
                sends.sent(operations.send(topic, source.key(), source.value()));
            }
            // Tombstones after the copies, so subscribers see the removal last.
            for (String topic : batch.get(i).tombstones()) {
                sends.sent(operations.send(topic, source.key(), null));
            }
            offsets.put(new TopicPartition(source.topic(), source.partition()), new OffsetAndMetadata(source.offset() + 1));
        }
        sends.allSent();
        operations.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        return null;
    }
}
