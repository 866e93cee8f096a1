package org.newsroom.enrich.routing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Copies each enriched article to its per-tag topics. Read-process-write in one Kafka transaction with
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
    void on(ArticleEnriched article) {
        for (String topic : routes.topicsOf(article)) {
            if (created.add(topic)) {
                admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(partitions).build());
            }
            template.send(topic, article.articleId(), article);
        }
    }
}
