package org.newsroom.ingest.parsing;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML parsing that cannot be turned against us: a DOCTYPE that declares entities (XXE, billion laughs) is
 * refused outright, no DTD or schema is ever fetched, and the JDK's secure processing limits stay on.
 * A bare DOCTYPE is tolerated because real NITF files reference DTDs that do not exist.
 */
final class SafeXml {

    private static final Pattern ENTITY_DECLARATION = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private SafeXml() {
    }

    /** Refuses the text when its DOCTYPE declares entities, which no news format needs. */
    static void requireNoEntityDeclarations(String xml) throws UnreadableDocumentException {
        if (DOCTYPE.matcher(xml).find() && ENTITY_DECLARATION.matcher(xml).find()) {
            throw new UnreadableDocumentException(
                    "XML declares entities in its DOCTYPE: refused (external entities and entity expansion are unsafe)");
        }
    }

    /** Text of an XML document from its first tag on: feeds put newlines or junk before the declaration. */
    static String fromFirstTag(String text) {
        int start = text.indexOf('<');
        return start > 0 ? text.substring(start) : text;
    }

    static Document parse(String xml) throws UnreadableDocumentException {
        requireNoEntityDeclarations(xml);
        xml = withHtmlEntitiesAsNumbers(xml);
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // Warnings (e.g. an unknown DTD) do not make a document unreadable.
                }
            });
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(new InputSource(new StringReader(fromFirstTag(xml))));
        } catch (SAXParseException e) {
            throw new UnreadableDocumentException("malformed XML at line %d, column %d: %s"
                    .formatted(e.getLineNumber(), e.getColumnNumber(), e.getMessage()), e);
        } catch (SAXException | IOException e) {
            throw new UnreadableDocumentException("malformed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    /**
     * Feeds often use HTML entities ({@code &nbsp;}, {@code &eacute;}) that XML does not know; as numeric references
     * they read as intended instead of failing the whole document.
     */
    static String withHtmlEntitiesAsNumbers(String xml) {
        Matcher entity = NAMED_ENTITY.matcher(xml);
        if (!entity.find()) {
            return xml;
        }
        StringBuilder fixed = new StringBuilder(xml.length());
        do {
            String name = entity.group(1);
            String replacement = XML_ENTITIES.contains(name) || !Entities.isNamedEntity(name) ? entity.group()
                    : Entities.getByName(name).codePoints().mapToObj(code -> "&#" + code + ";").collect(Collectors.joining());
            entity.appendReplacement(fixed, Matcher.quoteReplacement(replacement));
        } while (entity.find());
        entity.appendTail(fixed);
        return fixed.toString();
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Stated rather than left to the JDK's default, which changed between releases; news markup is shallow.
        factory.setAttribute("jdk.xml.maxElementDepth", "256");
        return factory;
    }
}
