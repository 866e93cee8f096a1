package org.newsroom.enrich.routing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Copies each enriched article to its per-tag topics, and tombstones it in the topics of the tags it dropped
 * ({@link DroppedTags}: all of them when it was killed). Read-process-write in one Kafka transaction with
 * the consumed offset, reading committed records only, so a crash neither loses nor duplicates a copy
 * (for read_committed subscribers). Topics are created on first use: the broker may refuse auto-creation.
 */
class ArticleEnrichedListener {

    static final String ID = "enrich-tag-router";

    private final TagRoutes routes;
    private final KafkaTemplate<String, ArticleEnriched> template;
    private final KafkaAdmin admin;
    private final int partitions;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    ArticleEnrichedListener(TagRoutes routes, KafkaTemplate<String, ArticleEnriched> template, KafkaAdmin admin,
                            int partitions) {
        this.routes = routes;
        this.template = template;
        this.admin = admin;
        this.partitions = partitions;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.ARTICLES_ENRICHED,
            containerFactory = RoutingConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, ArticleEnriched> record) {
        ArticleEnriched article = record.value();
        List<String> current = article == null ? List.of() : routes.topicsOf(article);
        for (String topic : current) {
            send(topic, record.key(), article);
        }
        // A tombstone (kill) or a correction that lost tags: take the article out of the topics it left.
        for (String topic : routes.topicsOf(DroppedTags.of(record.headers()))) {
            if (!current.contains(topic)) {
                send(topic, record.key(), null);
            }
        }
    }

    private void send(String topic, String articleId, ArticleEnriched article) {
        if (created.add(topic)) {
            admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(partitions).build());
        }
        template.send(topic, articleId, article);
    }
}
