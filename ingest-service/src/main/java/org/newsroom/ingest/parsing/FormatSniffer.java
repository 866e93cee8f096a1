package org.newsroom.ingest.parsing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a document's format from its content: the first JSON character, the XML root element, or HTML
 * markup. The file name is only a hint, consulted when the content says nothing (plain text).
 */
final class FormatSniffer {

    enum Kind { JSON, FEED, NEWSML_G2, NITF, HTML, XML, TEXT }

    record Sniffed(Kind kind, String root) {
    }

    private static final Pattern PROLOG = Pattern.compile(
            "\\A(?:\\s+|<\\?[^>]*\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?])?\\s*>)*", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ROOT = Pattern.compile("\\A<([A-Za-z_][\\w.:-]*)");
    private static final Pattern HTML_MARKERS = Pattern.compile("<(html|head|body|div|p|article)[\\s>]",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "rdf");
    private static final Set<String> G2_ROOTS = Set.of("newsitem", "packageitem", "newsmessage", "conceptitem",
            "planningitem", "knowledgeitem", "catalogitem", "contentset", "contentmeta", "groupset");
    /** Roots of saved pages and of HTML fragments as CMS exports write them. */
    private static final Set<String> HTML_ROOTS = Set.of("html", "head", "body", "article", "main", "section", "div",
            "p", "h1", "h2", "h3", "header", "table", "span", "b", "strong", "i", "em", "a", "ul", "figure", "meta");

    private FormatSniffer() {
    }

    static Sniffed sniff(String name, String text) {
        String head = text.length() > 65_536 ? text.substring(0, 65_536) : text;
        String stripped = head.stripLeading();
        if (stripped.startsWith("{") || stripped.startsWith("[")) {
            return new Sniffed(Kind.JSON, null);
        }
        Matcher prolog = PROLOG.matcher(stripped);
        String afterProlog = prolog.lookingAt() ? stripped.substring(prolog.end()) : stripped;
        Matcher root = ROOT.matcher(afterProlog);
        if (root.find()) {
            String qualified = root.group(1);
            String local = qualified.substring(qualified.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            return new Sniffed(kindOfRoot(local, stripped), local);
        }
        if (HTML_MARKERS.matcher(head).find() && looksLikeHtml(name, stripped)) {
            return new Sniffed(Kind.HTML, null);
        }
        return new Sniffed(Kind.TEXT, null);
    }

    private static Kind kindOfRoot(String root, String text) {
        if (FEED_ROOTS.contains(root)) {
            return Kind.FEED;
        }
        if (G2_ROOTS.contains(root)) {
            return Kind.NEWSML_G2;
        }
        if (root.equals("nitf")) {
            return Kind.NITF;
        }
        if (HTML_ROOTS.contains(root) || text.regionMatches(true, 0, "<!doctype html", 0, 14)) {
            return Kind.HTML;
        }
        return Kind.XML;
    }

    /** Text that merely mentions a tag is still text; a page starts with markup or has an HTML name. */
    private static boolean looksLikeHtml(String name, String text) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return text.startsWith("<") || lower.endsWith(".html") || lower.endsWith(".htm");
    }
}
