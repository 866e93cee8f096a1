package org.newsroom.query.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.newsroom.query.indexing.ArticleIndex;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes enriched articles the way enrich-service does, and waits until query-service has indexed them. */
public record ArticlesTopic(KafkaTemplate<Object, Object> kafka, ElasticsearchClient elasticsearch, ArticleIndex index) {

    public void publish(ArticleEnriched... articles) throws Exception {
        for (ArticleEnriched article : articles) {
            kafka.send(Topics.ARTICLES_ENRICHED, article.articleId(), article).get();
        }
    }

    /** Publishes and waits until every article can be read back from the index (a realtime get). */
    public void publishAndAwaitIndexed(ArticleEnriched... articles) throws Exception {
        publish(articles);
        for (ArticleEnriched article : articles) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> isIndexed(article.articleId()));
        }
    }

    private boolean isIndexed(String articleId) {
        try {
            return elasticsearch.exists(e -> e.index(index.alias()).id(articleId)).value();
        } catch (IOException | RuntimeException indexStillStarting) {
            // a just-created index answers 503 until its shard is allocated
            return false;
        }
    }
}
