package org.newsroom.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Navigation of agency XML by local name: NewsML-G2 and NITF arrive with and without namespaces (and with
 * odd prefixes), so matching on local names reads them all alike.
 */
final class XmlElements {

    private XmlElements() {
    }

    static String localName(Node node) {
        String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        return name.substring(name.indexOf(':') + 1);
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equalsIgnoreCase(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The first descendant with the name, in document order. */
    static Element descendant(Element root, String localName) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (localName.equalsIgnoreCase(localName(element))) {
                    return element;
                }
                Element found = descendant(element, localName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Element text with spacing normalised, or null when absent or blank. */
    static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = HtmlText.normalised(element.getTextContent());
        return text.isEmpty() ? null : text;
    }

    static String attribute(Element element, String name) {
        if (element == null) {
            return null;
        }
        String value = element.getAttribute(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Paragraphs of a body: block elements end a paragraph, as in {@link HtmlText}. */
    static List<String> paragraphs(Element body) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        paragraphs(body, current, paragraphs);
        HtmlText.flush(current, paragraphs);
        return paragraphs;
    }

    private static void paragraphs(Node node, StringBuilder current, List<String> paragraphs) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                current.append(child.getNodeValue());
            } else if (child instanceof Element element) {
                String name = localName(element).toLowerCase(Locale.ROOT);
                if (HtmlText.SKIPPED.contains(name) || name.equals("media") || name.equals("media-caption")) {
                    continue;
                }
                boolean block = HtmlText.BLOCKS.contains(name);
                if (block) {
                    HtmlText.flush(current, paragraphs);
                }
                paragraphs(element, current, paragraphs);
                if (block) {
                    HtmlText.flush(current, paragraphs);
                }
            }
        }
    }

}
