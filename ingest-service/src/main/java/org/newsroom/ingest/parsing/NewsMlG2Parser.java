package org.newsroom.ingest.parsing;

import static org.newsroom.ingest.parsing.XmlElements.attribute;
import static org.newsroom.ingest.parsing.XmlElements.child;
import static org.newsroom.ingest.parsing.XmlElements.children;
import static org.newsroom.ingest.parsing.XmlElements.descendant;
import static org.newsroom.ingest.parsing.XmlElements.localName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newsroom.contracts.PubStatus;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * NewsML-G2 newsItems, alone or in a newsMessage: one article per text item, with its guid and version,
 * headline, body (NITF, XHTML, HTML or plain text, inline), creation times, byline, dateline and provider.
 * Pictures, videos, events and concepts are not articles and fail as items; a package only points at other
 * items, so it is skipped when they come with it and refused when they do not.
 */
final class NewsMlG2Parser {

    static final String FORMAT = "newsml-g2";
    private static final Set<String> ITEMS = Set.of("newsitem", "packageitem", "conceptitem", "planningitem",
            "knowledgeitem", "catalogitem");

    ParsedDocument parse(String xml) throws UnreadableDocumentException {
        Element root = SafeXml.parse(xml).getDocumentElement();
        List<Element> items = items(root);
        if (items.isEmpty()) {
            throw new UnreadableDocumentException("NewsML-G2 <%s> holds no item".formatted(localName(root)));
        }
        Items outcome = new Items(FORMAT);
        int packages = 0;
        for (Element item : items) {
            String kind = localName(item).toLowerCase(Locale.ROOT);
            if (kind.equals("packageitem")) {
                packages++;
            } else if (!kind.equals("newsitem")) {
                outcome.fail(attribute(item, "guid"), localName(item) + " is not a news article");
            } else {
                newsItem(item, outcome);
            }
        }
        ParsedDocument document = outcome.document();
        if (packages > 0 && document.articles().isEmpty() && document.failures().isEmpty()) {
            throw new UnreadableDocumentException(
                    "NewsML-G2 package only references its items, which are not included in the document");
        }
        return document;
    }

    private static List<Element> items(Element root) {
        if (ITEMS.contains(localName(root).toLowerCase(Locale.ROOT))) {
            return List.of(root);
        }
        List<Element> items = new ArrayList<>();
        Element itemSet = child(root, "itemSet");
        for (Node node = itemSet == null ? null : itemSet.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ITEMS.contains(localName(element).toLowerCase(Locale.ROOT))) {
                items.add(element);
            }
        }
        return items;
    }

    private static void newsItem(Element item, Items outcome) {
        String guid = attribute(item, "guid");
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        String itemClass = attribute(itemMeta == null ? null : child(itemMeta, "itemClass"), "qcode");
        if (itemClass != null && !itemClass.matches("(?i).*:(text|composite)")) {
            outcome.fail(guid, "%s item is not a text article".formatted(itemClass));
            return;
        }
        PubStatus status = NewsMlG2Metadata.pubStatus(itemMeta);
        if (!status.shown()) {
            if (guid == null) {
                outcome.fail(null, "a %s newsItem without a guid names no article to take out".formatted(status));
            } else {
                outcome.add(takenOut(item, guid, status, contentMeta));
            }
            return;
        }
        List<String> paragraphs;
        ParsedArticle nitf;
        try {
            nitf = nitfBody(item);
            paragraphs = nitf != null ? nitf.paragraphs() : body(item);
        } catch (UnreadableDocumentException e) {
            outcome.fail(guid, e.getMessage());
            return;
        }
        if (paragraphs.isEmpty()) {
            outcome.fail(guid, "newsItem has no inline article text (no paragraphs inline: empty, remote, or non-text content such as events)");
            return;
        }
        String headline = NewsMlG2Metadata.headline(contentMeta);
        if (headline == null) {
            headline = nitf != null ? nitf.headline() : PlainTextParser.derivedHeadline(paragraphs.getFirst());
        }
        outcome.add(new ParsedArticle(FORMAT, headline, paragraphs,
                Timestamps.parse(NewsMlG2Metadata.published(itemMeta, contentMeta)), NewsMlG2Metadata.byline(contentMeta, nitf),
                NewsMlG2Metadata.dateline(itemMeta, contentMeta), NewsMlG2Metadata.language(item, contentMeta), null,
                guid, NewsMlG2Metadata.version(item), List.of()));
    }

    /**
     * A kill or hold needs only its guid and version: agencies often send it with a one-line notice or no
     * content at all, and its text is never shown.
     */
    private static ParsedArticle takenOut(Element item, String guid, PubStatus status, Element contentMeta) {
        String headline = NewsMlG2Metadata.headline(contentMeta);
        return new ParsedArticle(FORMAT, headline == null ? "" : headline, List.of(), null, null, null, null, null,
                guid, NewsMlG2Metadata.version(item), List.of(), status);
    }

    private static ParsedArticle nitfBody(Element item) throws UnreadableDocumentException {
        Element contentSet = child(item, "contentSet");
        Element nitf = contentSet == null ? null : descendant(contentSet, "nitf");
        return nitf == null ? null : NitfParser.article(nitf);
    }

    /** Inline XHTML/HTML, or inline data that is either HTML or plain text. */
    private static List<String> body(Element item) {
        Element contentSet = child(item, "contentSet");
        if (contentSet == null) {
            return List.of();
        }
        for (Element inline : children(contentSet, "inlineXML")) {
            // Article markup (XHTML, HTML) has paragraphs; events, SportsML or financial data have none.
            if (descendant(inline, "p") == null) {
                continue;
            }
            Element body = descendant(inline, "body");
            List<String> paragraphs = XmlElements.paragraphs(body != null ? body : inline);
            if (!paragraphs.isEmpty()) {
                return paragraphs;
            }
        }
        for (Element inline : children(contentSet, "inlineData")) {
            String data = inline.getTextContent();
            List<String> paragraphs = data.contains("<") ? HtmlText.paragraphs(data) : PlainTextParser.blocks(data);
            if (!paragraphs.isEmpty()) {
                return paragraphs;
            }
        }
        return List.of();
    }
}
