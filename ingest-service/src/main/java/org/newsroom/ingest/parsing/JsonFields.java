package org.newsroom.ingest.parsing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Field lookup across ninjs versions and common JSON article shapes, which name the same things differently. */
final class JsonFields {

    private JsonFields() {
    }

    /** The first of the named fields holding a non-blank scalar, as text. */
    static String first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull()) {
                String text = value.asString().strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** ninjs 1.x {@code headline}, 2.x/3.x {@code headlines} (the main role first), or a plain {@code title}. */
    static String headline(JsonNode node) {
        String single = first(node, "headline", "headline_main", "title");
        if (single != null) {
            return HtmlText.plain(single);
        }
        return fromRoles(node.path("headlines"), "main", false).stream().findFirst().map(HtmlText::plain).orElse(null);
    }

    /** Body paragraphs: plain text preferred, HTML turned into paragraphs, from whichever field the shape uses. */
    static List<String> body(JsonNode node) {
        String text = first(node, "body_text", "body_main", "content_text", "articleBody");
        if (text != null) {
            return PlainTextParser.blocks(text);
        }
        String html = first(node, "body_html", "body_xhtml", "body_richtext", "content_html", "body", "text",
                "content");
        if (html != null) {
            return html.contains("<") ? HtmlText.paragraphs(html) : PlainTextParser.blocks(html);
        }
        if (node.path("paragraphs").isArray()) {
            return node.path("paragraphs").values().stream().filter(JsonNode::isValueNode)
                    .map(p -> p.asString().strip()).filter(p -> !p.isEmpty()).toList();
        }
        List<String> bodies = fromRoles(node.path("bodies"), "main", true);
        if (bodies.isEmpty() && "text".equals(first(node, "type"))) {
            // Some agencies (NTB) send a text item's story as its description.
            bodies = fromRoles(node.path("descriptions"), "text", true);
            String description = first(node, "description_text", "description_html");
            bodies = description != null && bodies.isEmpty() ? List.of(description) : bodies;
        }
        for (String value : bodies) {
            List<String> paragraphs = value.contains("<") ? HtmlText.paragraphs(value) : PlainTextParser.blocks(value);
            if (!paragraphs.isEmpty()) {
                return paragraphs;
            }
        }
        return List.of();
    }

    /** ninjs 2.x/3.x {@code by}, 1.x {@code byline}, JSON Feed {@code authors}, or a plain {@code author}. */
    static String byline(JsonNode node) {
        String by = first(node, "by", "byline", "author");
        if (by != null) {
            return by;
        }
        for (String list : List.of("authors", "author")) {
            for (JsonNode author : node.path(list).values()) {
                String name = author.isValueNode() ? author.asString() : first(author, "name");
                if (name != null && !name.isBlank()) {
                    return name.strip();
                }
            }
        }
        return null;
    }

    /**
     * Values of a ninjs role list ({@code headlines}, {@code bodies}): the given role (or no role) first;
     * for bodies, plain text before HTML.
     */
    private static List<String> fromRoles(JsonNode list, String role, boolean preferText) {
        if (!list.isArray()) {
            return List.of();
        }
        return list.values().stream()
                .filter(entry -> first(entry, "value") != null)
                .sorted(Comparator.comparingInt(entry -> rank(entry, role, preferText)))
                .map(entry -> first(entry, "value"))
                .toList();
    }

    private static int rank(JsonNode entry, String role, boolean preferText) {
        String entryRole = first(entry, "role");
        int rank = entryRole == null || entryRole.toLowerCase(Locale.ROOT).contains(role) ? 0 : 2;
        String type = first(entry, "contenttype", "contentType");
        return rank + (preferText && type != null && !type.contains("plain") ? 1 : 0);
    }
}
