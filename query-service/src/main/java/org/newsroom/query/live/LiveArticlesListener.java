package org.newsroom.query.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the live streams from {@code articles.enriched.v1}, in a consumer group of this instance's own
 * ({@code live.group-id}): every query-service replica sees every new article, while indexing (and alerts, matched
 * where an article is indexed) stays in the shared group that splits the partitions among replicas. It starts at
 * the end of the topic: a stream shows what arrives while it is open. Only the last record of each article in a
 * batch counts (enrich emits an article's versions in order); kills, holds and unshown versions are not announced.
 * A stream may therefore show an article a moment before search finds it.
 */
@Component
class LiveArticlesListener {

    private final LiveStreams streams;

    LiveArticlesListener(LiveStreams streams) {
        this.streams = streams;
    }

    @KafkaListener(id = "live-streams", topics = Topics.ARTICLES_ENRICHED, groupId = "${live.group-id}", batch = "true",
            properties = "auto.offset.reset=latest")
    void on(List<ConsumerRecord<String, ArticleEnriched>> records) {
        Map<String, ArticleEnriched> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, ArticleEnriched> record : records) {
            latest.remove(record.key());
            // An unreadable record has no value either; the indexer sends it to the dead-letter topic.
            latest.put(record.key(), record.value());
        }
        streams.offer(latest.values().stream()
                .filter(article -> article != null && article.pubStatus().shown())
                .toList());
    }
}
