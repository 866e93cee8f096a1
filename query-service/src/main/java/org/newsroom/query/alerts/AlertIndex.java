package org.newsroom.query.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonpUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import org.newsroom.query.indexing.ArticleIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The percolator index of saved searches. Its mapping is the article mapping (read from
 * {@code elasticsearch/articles.json} at runtime, so stored queries analyse text exactly like searches do)
 * plus a {@code query} field of type percolator and an {@code alert} object with the saved search itself.
 * The analysis settings are copied from the live article index, which picks its English analysis to suit
 * the node. Created on first use; when it exists, the article fields are merged in again so additions reach it.
 */
@Component
class AlertIndex {

    private static final Logger log = LoggerFactory.getLogger(AlertIndex.class);
    private static final String ARTICLE_MAPPING = "/elasticsearch/articles.json";

    private final ElasticsearchClient client;
    private final ArticleIndex articleIndex;
    private final AlertProperties properties;
    private final JsonMapper json;
    private final ObjectNode body;
    private volatile boolean ensured;

    AlertIndex(ElasticsearchClient client, ArticleIndex articleIndex, AlertProperties properties, JsonMapper json) {
        this.client = client;
        this.articleIndex = articleIndex;
        this.properties = properties;
        this.json = json;
        this.body = indexBody(json, readArticleMapping(json));
    }

    String alias() {
        return properties.indexAlias();
    }

    /** The top-level article fields the index knows: an article document is trimmed to these to percolate. */
    Set<String> articleFields() {
        return Set.copyOf(body.path("mappings").path("properties").propertyNames().stream()
                .filter(name -> !name.equals("query") && !name.equals("alert")).toList());
    }

    void ensureExists() throws IOException {
        if (ensured) {
            return;
        }
        if (client.indices().existsAlias(a -> a.name(alias())).value()) {
            try {
                client.indices().putMapping(m -> m.index(alias()).withJson(stream(body.path("mappings"))));
            } catch (ElasticsearchException e) {
                // e.g. a new analyzer the existing index lacks: keep matching with the mapping it has
                log.warn("Saved-search index {} keeps its mapping: {}", alias(), e.getMessage());
            }
        } else {
            ObjectNode created = body.deepCopy();
            articleAnalysis().ifPresent(analysis -> created.withObjectProperty("settings").set("analysis", analysis));
            try {
                client.indices().create(c -> c.index(properties.indexVersion()).withJson(stream(created))
                        .aliases(alias(), a -> a.isWriteIndex(true)));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ensured = true;
    }

    static ObjectNode indexBody(JsonMapper json, JsonNode articleMapping) {
        // An index template keeps settings and mappings under "template"; a plain index body at the top.
        JsonNode article = articleMapping.has("template") ? articleMapping.path("template") : articleMapping;
        ObjectNode body = json.createObjectNode();
        if (article.has("settings")) {
            body.set("settings", article.path("settings").deepCopy());
        }
        ObjectNode mappings = article.path("mappings").isObject()
                ? (ObjectNode) article.path("mappings").deepCopy() : json.createObjectNode();
        ObjectNode fields = mappings.withObjectProperty("properties");
        fields.putObject("query").put("type", "percolator");
        ObjectNode alert = fields.putObject("alert").putObject("properties");
        for (String keyword : new String[] {"id", "name", "tag", "source", "agency", "language"}) {
            alert.putObject(keyword).put("type", "keyword");
        }
        alert.putObject("query").put("type", "keyword").put("index", false);
        alert.putObject("webhook").put("type", "keyword").put("index", false);
        alert.putObject("createdAt").put("type", "date");
        body.set("mappings", mappings);
        return body;
    }

    /** The analysis settings (analyzers defined in the index, if any) of the article index as it is now. */
    private Optional<JsonNode> articleAnalysis() throws IOException {
        articleIndex.ensureExists();
        var settings = client.indices().getSettings(g -> g.index(articleIndex.alias())).settings().values();
        return settings.stream().findFirst()
                .map(state -> json.readTree(JsonpUtils.toJsonString(state.settings(), client._jsonpMapper())))
                .map(tree -> tree.path("index").path("analysis").isObject() ? tree.path("index").path("analysis") : tree.path("analysis"))
                .filter(JsonNode::isObject);
    }

    private InputStream stream(JsonNode node) {
        return new ByteArrayInputStream(json.writeValueAsBytes(node));
    }

    private static JsonNode readArticleMapping(JsonMapper json) {
        try (InputStream in = AlertIndex.class.getResourceAsStream(ARTICLE_MAPPING)) {
            if (in == null) {
                throw new IOException(ARTICLE_MAPPING + " missing from the classpath");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
