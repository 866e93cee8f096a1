package org.newsroom.ingest.ninjs;

import java.time.Instant;
import java.util.stream.Collectors;
import org.jsoup.nodes.Entities;
import org.newsroom.contracts.ArticleReceived;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a received article as an IPTC ninjs 3.1 text item, valid against IPTC's schema: the article id as
 * its URI, the agency guid and original URL as alternative ids, the body as plain text and as HTML
 * paragraphs, the dateline place as {@code located} and the wire agency and source as info sources.
 */
public final class NinjsRenderer {

    public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    private static final JsonMapper MAPPER = JsonMapper.shared();

    public String render(ArticleReceived article) {
        return MAPPER.writeValueAsString(tree(article));
    }

    public ObjectNode tree(ArticleReceived article) {
        ObjectNode ninjs = MAPPER.createObjectNode();
        ninjs.put("uri", "urn:newsroom:article:" + article.articleId());
        ninjs.put("type", "text");
        ninjs.put("representationType", "full");
        ninjs.putObject("standard").put("name", "ninjs").put("version", "3.1").put("schema", SCHEMA);
        ninjs.put("version", Integer.toString(article.version()));
        putTime(ninjs, "firstCreated", article.publishedAt());
        putTime(ninjs, "versionCreated", article.occurredAt());
        putText(ninjs, "language", article.language());
        ninjs.putArray("headlines").addObject().put("role", "main").put("contentType", "text/plain")
                .put("value", article.headline());
        ArrayNode bodies = ninjs.putArray("bodies");
        bodies.addObject().put("role", "main").put("contentType", "text/plain").put("value", article.body());
        bodies.addObject().put("role", "main").put("contentType", "text/html").put("value", article.paragraphs().stream()
                .map(paragraph -> "<p>" + Entities.escape(paragraph) + "</p>").collect(Collectors.joining()));
        putText(ninjs, "by", article.byline());
        if (article.dateline() != null) {
            putText(ninjs, "located", article.dateline().location());
        }
        infoSources(ninjs, article);
        altIds(ninjs, article);
        return ninjs;
    }

    private static void infoSources(ObjectNode ninjs, ArticleReceived article) {
        ArrayNode sources = ninjs.putArray("infoSources");
        if (article.dateline() != null && article.dateline().agency() != null) {
            sources.addObject().put("name", article.dateline().agency()).put("role", "originator");
        }
        ObjectNode source = sources.addObject().put("name", article.source().name())
                .put("role", "distributor").put("literal", article.source().kind().name());
        String uri = article.source().uri();
        // Only web addresses are URIs; a dropped file's name is not.
        putText(source, "uri", uri != null && uri.matches("https?://\\S+") ? uri : null);
    }

    private static void altIds(ObjectNode ninjs, ArticleReceived article) {
        ArrayNode ids = ninjs.putArray("altIds");
        ids.addObject().put("role", "articleId").put("value", article.articleId());
        if (article.guid() != null) {
            ids.addObject().put("role", "guid").put("value", article.guid());
        }
        if (article.url() != null) {
            ids.addObject().put("role", "url").put("value", article.url());
        }
    }

    private static void putTime(ObjectNode node, String field, Instant time) {
        if (time != null) {
            node.put(field, time.toString());
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
