package org.newsroom.ingest.parsing;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3c.dom.Document;

/**
 * RSS 0.9x/1.0/2.0 and Atom feeds through ROME: one article per item, with the item's full content
 * ({@code content:encoded}, Atom content) when present, else its description, as paragraphs.
 */
final class FeedParser {

    private static final Pattern USED_PREFIX = Pattern.compile(
            "</?([A-Za-z_][\\w.-]*):[A-Za-z_]|\\s([A-Za-z_][\\w.-]*):[\\w.-]+\\s*=");
    private static final Pattern ROOT_START = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    ParsedDocument parse(String xml) throws UnreadableDocumentException {
        SyndFeed feed = build(SafeXml.parse(withUndeclaredPrefixesBound(xml)));
        String format = format(feed);
        if (feed.getEntries().isEmpty()) {
            throw new UnreadableDocumentException(format + " feed has no items");
        }
        Items items = new Items(format);
        for (SyndEntry entry : feed.getEntries()) {
            item(entry, feed, items);
        }
        return items.document();
    }

    private static String format(SyndFeed feed) {
        return feed.getFeedType() != null && feed.getFeedType().startsWith("atom") ? "atom" : "rss";
    }

    private static SyndFeed build(Document document) throws UnreadableDocumentException {
        try {
            return new SyndFeedInput().build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new UnreadableDocumentException("not a feed ROME can read: " + e.getMessage(), e);
        }
    }

    private static void item(SyndEntry entry, SyndFeed feed, Items items) {
        String title = HtmlText.plain(entry.getTitle());
        List<String> paragraphs = HtmlText.paragraphs(richestText(entry));
        boolean untitled = title == null || title.isBlank();
        String label = untitled ? entry.getUri() : title;
        if (paragraphs.isEmpty()) {
            items.fail(label, untitled ? "feed item has neither a title nor text" : "feed item has a title but no text");
            return;
        }
        String headline = untitled ? PlainTextParser.derivedHeadline(paragraphs.getFirst()) : title;
        String guid = entry.getUri() == null || entry.getUri().isBlank() ? null : entry.getUri().strip();
        var published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        items.add(new ParsedArticle(format(feed), headline, paragraphs, published == null ? null : published.toInstant(),
                author(entry), null, feed.getLanguage(), link(entry), guid, 1, List.of()));
    }

    /** Full content beats a summary: the longest of the item's contents and its description. */
    private static String richestText(SyndEntry entry) {
        Stream<SyndContent> contents = entry.getContents().stream();
        if (entry.getDescription() != null) {
            contents = Stream.concat(contents, Stream.of(entry.getDescription()));
        }
        return contents.map(SyndContent::getValue)
                .filter(value -> value != null && !value.isBlank())
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
    }

    private static String author(SyndEntry entry) {
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            return entry.getAuthor().strip();
        }
        return entry.getAuthors().stream().map(SyndPerson::getName)
                .filter(name -> name != null && !name.isBlank()).findFirst().orElse(null);
    }

    private static String link(SyndEntry entry) {
        String link = entry.getLink();
        if (link == null && entry.getUri() != null && entry.getUri().startsWith("http")) {
            link = entry.getUri();
        }
        return link == null || link.isBlank() ? null : link.strip();
    }

    /**
     * Lenient feeds use namespace prefixes they never declare (e.g. {@code wfw:}); binding them to a
     * placeholder namespace on the root keeps the document readable without guessing their meaning.
     */
    static String withUndeclaredPrefixesBound(String xml) {
        Set<String> undeclared = new LinkedHashSet<>();
        Matcher used = USED_PREFIX.matcher(xml);
        while (used.find()) {
            String prefix = used.group(1) != null ? used.group(1) : used.group(2);
            String lower = prefix.toLowerCase(Locale.ROOT);
            if (!lower.equals("xmlns") && !lower.equals("xml") && !xml.contains("xmlns:" + prefix + "=")) {
                undeclared.add(prefix);
            }
        }
        if (undeclared.isEmpty()) {
            return xml;
        }
        String body = SafeXml.fromFirstTag(xml);
        Matcher root = ROOT_START.matcher(body);
        if (!root.find()) {
            return xml;
        }
        StringBuilder bindings = new StringBuilder();
        undeclared.forEach(prefix -> bindings.append(" xmlns:").append(prefix)
                .append("=\"urn:undeclared:").append(prefix).append('"'));
        return body.substring(0, root.end()) + bindings + body.substring(root.end());
    }
}
