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
    /** An XML start tag: the name, then only {@code name="value"} attributes, then {@code >} or {@code />}. */
    private static final Pattern XML_START_TAG = Pattern.compile(
            "\\A<[A-Za-z_][\\w.:-]*(?:\\s+[A-Za-z_][\\w.:-]*\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))*\\s*/?>");
    /** An HTML start tag: attributes may be bare or unquoted, as browsers allow. */
    private static final Pattern HTML_START_TAG = Pattern.compile(
            "\\A<[A-Za-z][\\w:-]*(?:\\s+[^\\s\"'<>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*\\s*/?>");
    /** HTML roots that need no end tag to be taken for a page. */
    private static final Set<String> HTML_OPENERS = Set.of("html", "head", "meta");
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
            Kind kind = kindOfRoot(local, stripped);
            if (opensWithTag(kind, local, afterProlog, head)) {
                return new Sniffed(kind, local);
            }
            // e.g. a Reuters story opening "<POTASH CO OF AMERICA INC> NINE MTHS LOSS": a name in angle brackets.
        }
        if (HTML_MARKERS.matcher(head).find() && looksLikeHtml(name, stripped)) {
            return new Sniffed(Kind.HTML, null);
        }
        return new Sniffed(Kind.TEXT, null);
    }

    /**
     * Whether the document really opens with a start tag of its kind, rather than with text in angle brackets.
     * An XML format's root must be a well-formed start tag; an HTML root must be a start tag and, unless it is one
     * that stands alone, be closed somewhere. (An unknown XML root is checked for well-formedness by the parser.)
     */
    private static boolean opensWithTag(Kind kind, String root, String afterProlog, String head) {
        if (kind != Kind.HTML) {
            return XML_START_TAG.matcher(afterProlog).lookingAt();
        }
        if (afterProlog.regionMatches(true, 0, "<!doctype html", 0, 14) || HTML_OPENERS.contains(root)) {
            return true;
        }
        return HTML_START_TAG.matcher(afterProlog).lookingAt()
                && head.toLowerCase(Locale.ROOT).contains("</" + root);
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
