package org.newsroom.enrich.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;

/**
 * A consumer of partition 0 of a fixed log that, like a broker, delivers the records from its position on, and
 * so again after a seek back (a {@link MockConsumer} delivers what was added to it once).
 */
final class LogConsumer extends MockConsumer<String, ArticleEnriched> {

    static final TopicPartition PARTITION = new TopicPartition(Topics.ARTICLES_ENRICHED, 0);

    private final List<ConsumerRecord<String, ArticleEnriched>> log;

    LogConsumer(List<ConsumerRecord<String, ArticleEnriched>> log) {
        super("earliest");
        this.log = log;
        updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    @Override
    public ConsumerRecords<String, ArticleEnriched> poll(Duration timeout) {
        ConsumerRecords<String, ArticleEnriched> none = super.poll(timeout); // wake-ups and poll tasks; it holds no records
        List<ConsumerRecord<String, ArticleEnriched>> next = next();
        if (next.isEmpty()) {
            pause();
            return none;
        }
        return new ConsumerRecords<>(Map.of(PARTITION, next),
                Map.of(PARTITION, new OffsetAndMetadata(next.getLast().offset() + 1)));
    }

    private synchronized List<ConsumerRecord<String, ArticleEnriched>> next() {
        if (!assignment().contains(PARTITION) || paused().contains(PARTITION)) {
            return List.of();
        }
        long position = position(PARTITION);
        List<ConsumerRecord<String, ArticleEnriched>> next = log.stream().filter(r -> r.offset() >= position).toList();
        if (!next.isEmpty()) {
            seek(PARTITION, next.getLast().offset() + 1);
        }
        return next;
    }

    /** Waits a little when there is nothing to deliver, as a broker's poll would, instead of spinning. */
    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
