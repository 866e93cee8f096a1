package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a page says about its article in metadata: Open Graph and {@code article:} tags, JSON-LD, HTML. */
final class PageMetadata {

    private PageMetadata() {
    }

    static String headline(Document page) {
        String headline = meta(page, "meta[property=og:title]", "meta[name=twitter:title]");
        if (headline == null) {
            headline = jsonLd(page, "headline");
        }
        if (headline == null) {
            Element h1 = page.selectFirst("h1");
            headline = h1 == null || h1.text().isBlank() ? null : h1.text().strip();
        }
        if (headline == null && !page.title().isBlank()) {
            headline = page.title().strip();
        }
        return headline;
    }

    /**
     * The page's own statements of its title, {@code og:title} and {@code <title>} (which often adds the site's
     * name), those that are not blank.
     */
    static List<String> titles(Document page) {
        List<String> titles = new ArrayList<>(2);
        String openGraph = meta(page, "meta[property=og:title]");
        if (openGraph != null) {
            titles.add(openGraph);
        }
        if (!page.title().isBlank()) {
            titles.add(page.title().strip());
        }
        return titles;
    }

    static String published(Document page) {
        String date = meta(page, "meta[property=article:published_time]", "meta[itemprop=datePublished]",
                "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=date]", "meta[name=dc.date]",
                "meta[name=DC.date.issued]", "meta[property=og:published_time]");
        if (date == null) {
            date = jsonLd(page, "datePublished");
        }
        if (date == null) {
            Element time = page.selectFirst("time[datetime]");
            date = time == null ? null : time.attr("datetime");
        }
        return date;
    }

    static String author(Document page) {
        String author = meta(page, "meta[name=author]", "meta[property=article:author]", "meta[name=byl]");
        if (author != null && !author.startsWith("http")) {
            return author.replaceFirst("^(?i)by\\s+", "");
        }
        return jsonLd(page, "author");
    }

    /** The article text the page's JSON-LD carries ({@code articleBody}), when it does. */
    static String articleBody(Document page) {
        return jsonLd(page, "articleBody");
    }

    /** The page's one-paragraph summary of itself: Open Graph, Twitter card or meta description. */
    static String description(Document page) {
        return meta(page, "meta[property=og:description]", "meta[name=twitter:description]", "meta[name=description]");
    }

    static String url(Document page) {
        Element canonical = page.selectFirst("link[rel=canonical][href]");
        return canonical != null ? canonical.attr("href") : meta(page, "meta[property=og:url]");
    }

    static String language(Document page) {
        Element html = page.selectFirst("html");
        String lang = html == null ? null : html.attr("lang");
        if (lang == null || lang.isBlank()) {
            lang = meta(page, "meta[http-equiv=content-language]", "meta[property=og:locale]");
        }
        return lang == null || lang.isBlank() ? null : lang.strip().replace('_', '-');
    }

    private static String meta(Document page, String... queries) {
        for (String query : queries) {
            Element meta = page.selectFirst(query);
            if (meta != null && !meta.attr("content").isBlank()) {
                return meta.attr("content").strip();
            }
        }
        return null;
    }

    /** A field of the page's JSON-LD objects ({@code @graph} included); people and places give their name. */
    private static String jsonLd(Document page, String field) {
        for (JsonNode object : jsonLdObjects(page)) {
            JsonNode value = object.path(field);
            if (value.isArray() && !value.isEmpty()) {
                value = value.get(0);
            }
            if (value.isObject()) {
                value = value.path("name");
            }
            if (value.isValueNode() && !value.asString().isBlank()) {
                return value.asString().strip();
            }
        }
        return null;
    }

    private static List<JsonNode> jsonLdObjects(Document page) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                collect(JsonMapper.shared().readTree(script.data()), objects);
            } catch (JacksonException e) {
                // Broken JSON-LD is common on real pages; the other metadata still counts.
            }
        }
        return objects;
    }

    private static void collect(JsonNode node, List<JsonNode> objects) {
        if (node.isArray()) {
            node.values().forEach(child -> collect(child, objects));
        } else if (node.isObject()) {
            objects.add(node);
            collect(node.path("@graph"), objects);
        }
    }
}
