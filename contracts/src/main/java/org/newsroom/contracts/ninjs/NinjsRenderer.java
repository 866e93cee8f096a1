package org.newsroom.contracts.ninjs;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.nodes.Entities;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.Tag;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an article as an IPTC ninjs 3.1 text item, valid against IPTC's schema: the article id as its URI, the
 * agency guid and original URL as alternative ids, the body as plain text and as HTML paragraphs, the dateline
 * place as {@code located}, the wire agency and source as info sources, and for an enriched article its tags as
 * {@code subjects} and its entities as {@code people}, {@code organisations} and {@code places}.
 */
public final class NinjsRenderer {

    public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    public static final String MEDIA_TYPE = "application/ninjs+json";
    private static final JsonMapper MAPPER = JsonMapper.shared();

    /** What a ninjs item is made of, whichever stage of the pipeline the article comes from. */
    public record Item(String articleId, int version, Source source, String url, String guid, String headline,
                       List<String> paragraphs, Instant publishedAt, Instant versionCreated, String byline,
                       Dateline dateline, String language, List<Tag> tags, List<Entity> entities) {

        public static Item of(ArticleReceived article) {
            return new Item(article.articleId(), article.version(), article.source(), article.url(), article.guid(),
                    article.headline(), article.paragraphs(), article.publishedAt(), article.occurredAt(),
                    article.byline(), article.dateline(), article.language(), List.of(), List.of());
        }

        public static Item of(ArticleEnriched article) {
            return new Item(article.articleId(), article.version(), article.source(), article.url(), article.guid(),
                    article.headline(), article.paragraphs(), article.publishedAt(), article.enrichedAt(),
                    article.byline(), article.dateline(), article.language(), article.tags(), article.entities());
        }
    }

    public String render(ArticleReceived article) {
        return render(Item.of(article));
    }

    public String render(Item article) {
        return MAPPER.writeValueAsString(tree(article));
    }

    public ObjectNode tree(ArticleReceived article) {
        return tree(Item.of(article));
    }

    public ObjectNode tree(Item article) {
        ObjectNode ninjs = MAPPER.createObjectNode();
        ninjs.put("uri", "urn:newsroom:article:" + article.articleId());
        ninjs.put("type", "text");
        ninjs.put("representationType", "full");
        ninjs.putObject("standard").put("name", "ninjs").put("version", "3.1").put("schema", SCHEMA);
        ninjs.put("version", Integer.toString(article.version()));
        putTime(ninjs, "firstCreated", article.publishedAt());
        putTime(ninjs, "versionCreated", article.versionCreated());
        putText(ninjs, "language", article.language());
        ninjs.putArray("headlines").addObject().put("role", "main").put("contentType", "text/plain")
                .put("value", article.headline());
        ArrayNode bodies = ninjs.putArray("bodies");
        bodies.addObject().put("role", "main").put("contentType", "text/plain")
                .put("value", String.join("\n\n", article.paragraphs()));
        bodies.addObject().put("role", "main").put("contentType", "text/html").put("value", article.paragraphs().stream()
                .map(paragraph -> "<p>" + Entities.escape(paragraph) + "</p>").collect(Collectors.joining()));
        putText(ninjs, "by", article.byline());
        if (article.dateline() != null) {
            putText(ninjs, "located", article.dateline().location());
        }
        infoSources(ninjs, article);
        altIds(ninjs, article);
        concepts(ninjs, article);
        return ninjs;
    }

    private static void infoSources(ObjectNode ninjs, Item article) {
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

    private static void altIds(ObjectNode ninjs, Item article) {
        ArrayNode ids = ninjs.putArray("altIds");
        ids.addObject().put("role", "articleId").put("value", article.articleId());
        if (article.guid() != null) {
            ids.addObject().put("role", "guid").put("value", article.guid());
        }
        if (article.url() != null) {
            ids.addObject().put("role", "url").put("value", article.url());
        }
    }

    /** Tags as subjects (their scheme-qualified id as the literal), entities by type; none: no array. */
    private static void concepts(ObjectNode ninjs, Item article) {
        if (!article.tags().isEmpty()) {
            ArrayNode subjects = ninjs.putArray("subjects");
            article.tags().forEach(tag -> putText(subjects.addObject().put("literal", tag.id()), "name", tag.label()));
        }
        for (Entity entity : article.entities()) {
            String field = switch (entity.type()) {
                case person -> "people";
                case organisation -> "organisations";
                case place -> "places";
            };
            ArrayNode list = ninjs.has(field) ? (ArrayNode) ninjs.get(field) : ninjs.putArray(field);
            putText(list.addObject().put("literal", entity.id()), "name", entity.name());
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
