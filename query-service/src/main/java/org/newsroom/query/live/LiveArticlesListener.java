package org.newsroom.query.live;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.newsroom.query.indexing.ArticleEnrichedDeserializer;
import org.newsroom.query.indexing.LatestRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AssignmentCommitOption;
import org.springframework.stereotype.Component;

/**
 * Feeds the live streams from {@code articles.enriched.v1}, in a consumer group of this instance's own
 * ({@code live.group-id}): every query-service replica sees every new article, while indexing (and alerts, matched
 * where an article is indexed) stays in the shared group that splits the partitions among replicas. It starts at
 * the end of the topic: a stream shows what arrives while it is open. Only the last record of each article in a
 * batch counts ({@link LatestRecords}, as for the indexer); kills, holds and unshown versions are not announced.
 * A stream may therefore show an article a moment before search finds it.
 *
 * <p>Records arrive as bytes and are read only while a stream is open: this consumer sees every article, and
 * reading each one into an {@link ArticleEnriched} that nobody looks at was about a third of query-service's CPU
 * while indexing (docs/benchmarks.md, 2 December session 6).
 */
@Component
class LiveArticlesListener {

    private final LiveStreams streams;
    private final ArticleEnrichedDeserializer reader = new ArticleEnrichedDeserializer();

    LiveArticlesListener(LiveStreams streams) {
        this.streams = streams;
    }

    // No offsets are committed (manual acknowledgement, never given, and none on assignment either): the group is new
    // at every start and starts at the end of the topic, so nothing would ever read them, and a commit per batch was
    // a sixth of this thread's time.
    @KafkaListener(id = "live-streams", topics = Topics.ARTICLES_ENRICHED, groupId = "${live.group-id}", batch = "true",
            ackMode = "MANUAL", containerPostProcessor = "liveStreamsCommitNothing",
            properties = {"auto.offset.reset=latest",
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"})
    void on(List<ConsumerRecord<String, byte[]>> records) {
        if (!streams.anyOpen()) {
            return;
        }
        List<ArticleEnriched> shown = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : LatestRecords.perArticle(records)) {
            ArticleEnriched article = read(record.value());
            if (article != null && article.pubStatus().shown()) {
                shown.add(article);
            }
        }
        streams.offer(shown);
    }

    /**
     * Spring Kafka commits a new group's starting position when partitions are assigned (so that a restart resumes
     * there); this group never resumes, so that commit is dropped too.
     */
    @Bean
    static ContainerPostProcessor<String, byte[], AbstractMessageListenerContainer<String, byte[]>>
            liveStreamsCommitNothing() {
        return container -> container.getContainerProperties().setAssignmentCommitOption(AssignmentCommitOption.NEVER);
    }

    /** The article, or null for a tombstone or a record that cannot be read (the indexer dead-letters that one). */
    private ArticleEnriched read(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return reader.deserialize(Topics.ARTICLES_ENRICHED, value);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
