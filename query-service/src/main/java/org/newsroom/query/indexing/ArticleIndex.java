package org.newsroom.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.newsroom.query.QueryProperties;
import org.springframework.stereotype.Component;

/**
 * Owns the article index: a versioned index behind an alias, with the explicit mapping in
 * {@code elasticsearch/articles.json}. Created on first use rather than at start-up, so the service
 * starts (and reports health) while Elasticsearch is still coming up.
 */
@Component
public class ArticleIndex {

    private static final String MAPPING = "/elasticsearch/articles.json";

    private final ElasticsearchClient client;
    private final QueryProperties properties;
    private volatile boolean ensured;

    ArticleIndex(ElasticsearchClient client, QueryProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    public String alias() {
        return properties.indexAlias();
    }

    /** Creates the index and alias unless the alias exists; safe to call from several instances at once. */
    public void ensureExists() throws IOException {
        if (ensured) {
            return;
        }
        if (!client.indices().existsAlias(a -> a.name(properties.indexAlias())).value()) {
            try (InputStream mapping = mapping()) {
                client.indices().create(c -> c.index(properties.indexVersion()).withJson(mapping)
                        .aliases(properties.indexAlias(), a -> a.isWriteIndex(true)));
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ensured = true;
    }

    private static InputStream mapping() {
        InputStream in = ArticleIndex.class.getResourceAsStream(MAPPING);
        if (in == null) {
            throw new UncheckedIOException(new IOException(MAPPING + " missing from the classpath"));
        }
        return in;
    }
}
