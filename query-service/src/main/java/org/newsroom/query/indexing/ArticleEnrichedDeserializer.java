package org.newsroom.query.indexing;

import org.newsroom.contracts.ArticleEnriched;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * How query-service reads an {@code articles.enriched.v1} value: always as an {@link ArticleEnriched}, whatever type
 * headers a record carries. The indexer's consumer names it as its delegate (application.yaml); live streams and
 * replays build it, so all three read a record the same way.
 */
public final class ArticleEnrichedDeserializer extends JacksonJsonDeserializer<ArticleEnriched> {

    public ArticleEnrichedDeserializer() {
        super(ArticleEnriched.class, false);
    }
}
