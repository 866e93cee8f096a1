package org.newsroom.ingest.parsing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Paragraphs of an HTML fragment (feed content, XHTML or NITF bodies): block elements and line breaks
 * end a paragraph, inline markup is flattened, and scripts, styles and embedded media are skipped.
 */
final class HtmlText {

    static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "li", "ul", "ol", "dl", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "blockquote", "pre", "tr", "td", "th", "table",
            "header", "footer", "aside", "main", "figure", "figcaption", "address", "body.content", "block", "hr",
            "br", "center", "form", "fieldset", "nav", "details", "summary", "caption");
    static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "iframe", "object", "embed", "video",
            "audio", "svg", "img", "picture", "source", "template", "button", "select", "input", "textarea", "head",
            "title", "meta", "link");

    private HtmlText() {
    }

    static List<String> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        return paragraphs(Jsoup.parseBodyFragment(html).body());
    }

    static List<String> paragraphs(Element root) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        // A traversal, not recursion: hostile markup nests thousands of elements deep.
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element && node != root) {
                    if (SKIPPED.contains(element.normalName())) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCKS.contains(element.normalName())) {
                        flush(current, paragraphs);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush(current, paragraphs);
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush(current, paragraphs);
        return paragraphs;
    }

    /** The text of an HTML snippet such as a feed title, without markup. */
    static String plain(String html) {
        return html == null ? null : Jsoup.parseBodyFragment(html).body().text().strip();
    }

    /** Ends the paragraph being collected, keeping it when it holds text. */
    static void flush(StringBuilder current, List<String> paragraphs) {
        String text = normalised(current.toString());
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
        current.setLength(0);
    }

    /**
     * Whitespace collapsed, and Unicode in its composed form (NFC): pages write the same letter as one code point or
     * as a letter and a combining mark (an accent, a Bengali nukta), and a search, a duplicate check or a reader's
     * quote would otherwise miss text that looks identical.
     */
    static String normalised(String text) {
        String collapsed = text.replace('\u00A0', ' ').replaceAll("[\\s\\u200B]+", " ").strip();
        return Normalizer.isNormalized(collapsed, Normalizer.Form.NFC) ? collapsed
                : Normalizer.normalize(collapsed, Normalizer.Form.NFC);
    }
}
