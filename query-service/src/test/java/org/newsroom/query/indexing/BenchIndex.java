package org.newsroom.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.newsroom.query.QueryProperties;
import tools.jackson.databind.json.JsonMapper;

/** The write side without Spring, for tools such as the search benchmark. */
public final class BenchIndex {

    private BenchIndex() {
    }

    public static ArticleIndex index(ElasticsearchClient client, QueryProperties properties, JsonMapper json) {
        return new ArticleIndex(client, properties, json);
    }

    public static ArticleIndexer indexer(ElasticsearchClient client, ArticleIndex index, JsonMapper json) {
        return new ArticleIndexer(client, index, json);
    }
}
