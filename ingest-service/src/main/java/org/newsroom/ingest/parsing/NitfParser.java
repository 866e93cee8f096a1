package org.newsroom.ingest.parsing;

import static org.newsroom.ingest.parsing.XmlElements.attribute;
import static org.newsroom.ingest.parsing.XmlElements.child;
import static org.newsroom.ingest.parsing.XmlElements.descendant;
import static org.newsroom.ingest.parsing.XmlElements.text;

import java.util.List;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.PubStatus;
import org.newsroom.ingest.cleaning.Datelines;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * NITF (3.x, with or without its namespace): headline from {@code hedline/hl1}, paragraphs from the
 * body's {@code body.content}, identity from {@code docdata/doc-id}, version from {@code du-key@version}, status
 * from {@code docdata@management-status}, date from {@code date.issue}. A kill needs its doc-id, not a body.
 */
final class NitfParser {

    static final String FORMAT = "nitf";

    ParsedDocument parse(String xml) throws UnreadableDocumentException {
        return ParsedDocument.of(FORMAT, article(SafeXml.parse(xml).getDocumentElement()));
    }

    /** One NITF document; also used for NITF bodies inside NewsML-G2. */
    static ParsedArticle article(Element nitf) throws UnreadableDocumentException {
        Element body = child(nitf, "body");
        // The top-level body.content is the story; a nested one (inside a note) is not.
        Element content = body == null ? null : child(body, "body.content");
        List<String> paragraphs = content == null ? List.of() : XmlElements.paragraphs(content);
        Element head = child(nitf, "head");
        Element docdata = head == null ? null : child(head, "docdata");
        String guid = docdata == null ? null : attribute(child(docdata, "doc-id"), "id-string");
        PubStatus status = PubStatuses.of(attribute(docdata, "management-status"));
        if (paragraphs.isEmpty() && (status.shown() || guid == null)) {
            throw new UnreadableDocumentException("NITF document has no body text (no paragraphs in body.content)");
        }
        Element bodyHead = child(body, "body.head");
        String headline = text(bodyHead == null ? null : descendant(bodyHead, "hl1"));
        if (headline == null) {
            headline = text(head == null ? null : child(head, "title"));
        }
        if (headline == null) {
            headline = paragraphs.isEmpty() ? "" : PlainTextParser.derivedHeadline(paragraphs.getFirst());
        }
        String date = attribute(docdata == null ? null : child(docdata, "date.issue"), "norm");
        int version = PubStatuses.version(attribute(docdata == null ? null : child(docdata, "du-key"), "version"));
        return new ParsedArticle(FORMAT, headline, paragraphs, Timestamps.parse(date), byline(bodyHead),
                dateline(bodyHead), language(nitf), null, guid, version, List.of(), status);
    }

    /** The byline's person, else its own text without the title element (e.g. "AP Business Writer"). */
    private static String byline(Element bodyHead) {
        Element byline = bodyHead == null ? null : child(bodyHead, "byline");
        if (byline == null) {
            return null;
        }
        String person = text(child(byline, "person"));
        if (person != null) {
            return person;
        }
        StringBuilder own = new StringBuilder();
        for (Node node = byline.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE) {
                own.append(node.getNodeValue());
            }
        }
        String text = HtmlText.normalised(own.toString()).replaceFirst("^(?i)by\\s+", "");
        return text.isEmpty() ? text(byline) : text;
    }

    private static Dateline dateline(Element bodyHead) {
        Element dateline = bodyHead == null ? null : child(bodyHead, "dateline");
        if (dateline == null) {
            return null;
        }
        String location = text(descendant(dateline, "location"));
        if (location != null) {
            return new Dateline(Datelines.place(location), null);
        }
        // A free-text dateline such as "SYDNEY March 22 AAP -"; dates and slugs are not places.
        String written = text(dateline);
        if (written != null && written.length() <= 40 && !written.matches(".*\\d.*") && !written.endsWith("-")) {
            return new Dateline(Datelines.place(written), null);
        }
        return Datelines.at(written == null ? null : written + " -").map(Datelines.Found::dateline).orElse(null);
    }

    private static String language(Element nitf) {
        String lang = nitf.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        if (lang.isBlank()) {
            lang = nitf.getAttribute("baselang");
        }
        return lang.isBlank() ? null : lang.strip();
    }
}
