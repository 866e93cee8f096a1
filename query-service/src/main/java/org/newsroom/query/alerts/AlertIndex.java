package org.newsroom.query.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonpUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.language.FilterValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The index of saved searches. Its mapping is the article mapping (read from {@code elasticsearch/articles.json}
 * at runtime, so stored queries analyse text exactly like searches do) plus a {@code query} field of type
 * percolator and an {@code alert} object with the saved search itself; analysis settings are copied from the
 * live article index. A node without the percolator module (the integration-test distribution) gets
 * {@code query} as a stored, unindexed object instead. New articles are matched in memory either way
 * ({@link AlertPercolator}). Created on first use; article fields added later are merged in.
 */
@Component
class AlertIndex {

    private static final Logger log = LoggerFactory.getLogger(AlertIndex.class);
    private static final String ARTICLE_MAPPING = "/elasticsearch/articles.json";
    /** Saved searches are few and written with {@code refresh=wait_for}; the articles' interval is theirs to set. */
    private static final String SAVED_SEARCH_REFRESH = "1s";

    private final ElasticsearchClient client;
    private final ArticleIndex articleIndex;
    private final AlertProperties properties;
    private final JsonMapper json;
    private final JsonNode articleMapping;
    private volatile Boolean percolates;

    AlertIndex(ElasticsearchClient client, ArticleIndex articleIndex, AlertProperties properties, JsonMapper json) {
        this.client = client;
        this.articleIndex = articleIndex;
        this.properties = properties;
        this.json = json;
        this.articleMapping = readArticleMapping(json);
    }

    String alias() {
        return properties.indexAlias();
    }

    String articleAlias() {
        return articleIndex.alias();
    }

    /** Whether the index has been created (by this or another instance); asks Elasticsearch until it has. */
    boolean exists() throws IOException {
        return percolates != null || client.indices().existsAlias(a -> a.name(alias())).value();
    }

    void ensureExists() throws IOException {
        if (percolates != null) {
            return;
        }
        if (client.indices().existsAlias(a -> a.name(alias())).value()) {
            mergeArticleFields();
        } else {
            create();
        }
        JsonNode mapping = json.readTree(JsonpUtils.toJsonString(
                client.indices().getMapping(m -> m.index(alias())).mappings().values().iterator().next().mappings(),
                client._jsonpMapper()));
        percolates = "percolator".equals(mapping.path("properties").path("query").path("type").asString(""));
    }

    private void create() throws IOException {
        try {
            createWith(true);
        } catch (ElasticsearchException e) {
            if (!"mapper_parsing_exception".equals(e.error().type()) || !String.valueOf(e.getMessage()).contains("percolator")) {
                throw e;
            }
            log.warn("Elasticsearch has no percolator module: saved searches are matched by searching new articles");
            createWith(false);
        }
    }

    private void createWith(boolean percolator) throws IOException {
        ObjectNode body = indexBody(json, articleMapping, percolator);
        articleAnalysis().ifPresent(analysis -> body.withObjectProperty("settings").set("analysis", analysis));
        try {
            client.indices().create(c -> c.index(properties.indexVersion()).withJson(stream(body))
                    .aliases(alias(), a -> a.isWriteIndex(true)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private void mergeArticleFields() throws IOException {
        ObjectNode mappings = (ObjectNode) indexBody(json, articleMapping, true).path("mappings");
        ((ObjectNode) mappings.path("properties")).remove("query");
        try {
            client.indices().putMapping(m -> m.index(alias()).withJson(stream(mappings)));
        } catch (ElasticsearchException e) {
            // e.g. a new analyzer the existing index lacks: keep matching with the mapping it has
            log.warn("Saved-search index {} keeps its mapping: {}", alias(), e.getMessage());
        }
    }

    /** A text or enum filter is a keyword, a threshold a float; a filter of another type needs its mapping chosen. */
    private static String fieldType(RecordComponent filter) {
        Class<?> type = filter.getType();
        if (type == String.class || type.isEnum()) {
            return "keyword";
        }
        if (type == Double.class) {
            return "float";
        }
        throw new IllegalStateException("no saved-search mapping for filter " + filter.getName() + " of " + type);
    }

    static ObjectNode indexBody(JsonMapper json, JsonNode articleMapping, boolean percolator) {
        // An index template keeps settings and mappings under "template"; a plain index body at the top.
        JsonNode article = articleMapping.has("template") ? articleMapping.path("template") : articleMapping;
        ObjectNode body = json.createObjectNode();
        ObjectNode settings = article.path("settings").isObject()
                ? (ObjectNode) article.path("settings").deepCopy() : json.createObjectNode();
        // Saved searches are few and written with refresh=wait_for; an explicit interval also keeps the index from
        // going search-idle (an implicit one skips refreshes after 30 s without searches).
        settings.put("refresh_interval", SAVED_SEARCH_REFRESH);
        body.set("settings", settings);
        ObjectNode mappings = article.path("mappings").isObject()
                ? (ObjectNode) article.path("mappings").deepCopy() : json.createObjectNode();
        ObjectNode fields = mappings.withObjectProperty("properties");
        if (percolator) {
            fields.putObject("query").put("type", "percolator");
        } else {
            fields.putObject("query").put("type", "object").put("enabled", false);
        }
        ObjectNode alert = fields.putObject("alert").putObject("properties");
        for (String keyword : new String[] {"id", "name", "owner"}) {
            alert.putObject(keyword).put("type", "keyword");
        }
        // The filters as FilterValues lists them (a saved search unwraps them).
        for (RecordComponent filter : FilterValues.class.getRecordComponents()) {
            alert.putObject(filter.getName()).put("type", fieldType(filter));
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
