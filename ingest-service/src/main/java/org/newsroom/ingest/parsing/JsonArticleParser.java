package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.PubStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON articles: IPTC ninjs (1.x snake_case, 2.x {@code headlines}/{@code bodies}, 3.x camelCase), JSON
 * Feed items and plain {@code {"headline", "body"}} objects; one object, an array of them, an
 * {@code items}/{@code articles} wrapper, or JSON Lines. A bad object among good ones fails alone.
 */
final class JsonArticleParser {

    private static final JsonMapper MAPPER = JsonMapper.shared();
    private static final Set<String> NON_TEXT = Set.of("picture", "video", "audio", "graphic", "event", "planning");

    ParsedDocument parse(String text) throws UnreadableDocumentException {
        List<JsonNode> objects = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        try {
            objects.addAll(itemsOf(MAPPER.readTree(text)));
        } catch (JacksonException e) {
            if (!jsonLines(text, objects, broken)) {
                throw new UnreadableDocumentException("malformed JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (objects.isEmpty() && broken.isEmpty()) {
            throw new UnreadableDocumentException("JSON document holds no article objects");
        }
        String format = objects.stream().anyMatch(JsonArticleParser::isNinjs) ? "ninjs" : "json";
        Items items = new Items(format);
        broken.forEach(reason -> items.fail(null, reason));
        for (JsonNode object : objects) {
            item(object, format, items);
        }
        return items.document();
    }

    private static List<JsonNode> itemsOf(JsonNode root) throws UnreadableDocumentException {
        if (root.isArray()) {
            return List.copyOf(root.values());
        }
        if (!root.isObject()) {
            throw new UnreadableDocumentException("JSON document is neither an object nor an array");
        }
        for (String wrapper : List.of("items", "articles")) {
            if (root.path(wrapper).isArray() && !root.has("uri") && !root.has("headline")) {
                return List.copyOf(root.path(wrapper).values());
            }
        }
        return List.of(root);
    }

    /** JSON Lines: one object per line, each parsed alone so that one bad line fails alone. */
    private static boolean jsonLines(String text, List<JsonNode> objects, List<String> broken) {
        String[] lines = text.strip().split("\\r?\\n");
        if (lines.length < 2 || !lines[0].strip().startsWith("{") || !lines[0].strip().endsWith("}")) {
            return false;
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                objects.add(MAPPER.readTree(line));
            } catch (JacksonException e) {
                broken.add("malformed JSON line: " + e.getOriginalMessage());
            }
        }
        return true;
    }

    private static boolean isNinjs(JsonNode node) {
        return node.has("uri") || node.has("headlines") || node.has("bodies") || node.has("body_text")
                || node.has("versioncreated") || node.has("versionCreated");
    }

    private static void item(JsonNode node, String format, Items items) {
        if (!node.isObject()) {
            items.fail(null, "not a JSON object");
            return;
        }
        String headline = JsonFields.headline(node);
        List<String> paragraphs = JsonFields.body(node);
        String type = JsonFields.first(node, "type");
        String guid = JsonFields.first(node, "guid", "uri", "id");
        PubStatus status = PubStatuses.of(JsonFields.first(node, "pubstatus", "pubStatus"));
        if (!status.shown() && guid == null) {
            items.fail(headline, "a %s item without a guid, uri or id names no article to take out".formatted(status));
            return;
        }
        if (paragraphs.isEmpty() && status.shown()) {
            items.fail(headline != null ? headline : guid,
                    type != null && NON_TEXT.contains(type) ? "ninjs %s item has no body text".formatted(type)
                            : "JSON item has no body text");
            return;
        }
        if (headline == null) {
            headline = paragraphs.isEmpty() ? "" : PlainTextParser.derivedHeadline(paragraphs.getFirst());
        }
        String located = JsonFields.first(node, "located", "dateline");
        items.add(new ParsedArticle(format, headline, paragraphs,
                Timestamps.parse(JsonFields.first(node, "firstcreated", "firstCreated", "contentcreated",
                        "contentCreated", "date_published", "datePublished", "publishedAt", "published", "date",
                        "versioncreated", "versionCreated")),
                JsonFields.byline(node), located == null ? null : new Dateline(located, null),
                JsonFields.first(node, "language", "lang"), JsonFields.first(node, "url", "link", "canonicalUrl"),
                guid, PubStatuses.version(JsonFields.first(node, "version")), List.of(), status));
    }
}
