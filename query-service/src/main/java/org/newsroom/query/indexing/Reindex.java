package org.newsroom.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.IOException;
import org.newsroom.query.QueryProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/reindex.sh articles-v2}: moves the alias to a new index created from the current template
 * (after a mapping change), copying every article, while query-service keeps running. Reads
 * {@code ELASTICSEARCH_URL} and {@code QUERY_INDEX_ALIAS} like the service.
 */
public final class Reindex {

    private Reindex() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("[a-z0-9][a-z0-9_-]*")) {
            System.err.println("usage: reindex <new index name, e.g. articles-v2>");
            System.exit(2);
        }
        String url = System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://localhost:9200");
        String alias = System.getenv().getOrDefault("QUERY_INDEX_ALIAS", "articles");
        JsonMapper json = JsonMapper.builder().build();
        ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(url).jsonMapper(new Jackson3JsonpMapper(json)));
        try {
            ArticleIndex index = new ArticleIndex(client, QueryProperties.forTools(alias, System.getenv()), json);
            index.ensureExists();
            var before = client.indices().getAlias(a -> a.name(alias)).aliases().keySet();
            index.migrateTo(args[0]);
            System.out.printf("%s: %s -> %s, %,d articles%n", alias, before, args[0],
                    client.count(c -> c.index(alias)).count());
        } finally {
            client._transport().close();
        }
    }
}
