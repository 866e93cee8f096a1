package org.newsroom.ingest.parsing;

import static org.newsroom.ingest.parsing.XmlElements.attribute;
import static org.newsroom.ingest.parsing.XmlElements.child;
import static org.newsroom.ingest.parsing.XmlElements.children;
import static org.newsroom.ingest.parsing.XmlElements.text;

import java.util.List;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.PubStatus;
import org.newsroom.ingest.cleaning.Datelines;
import org.newsroom.ingest.cleaning.WireAgencies;
import org.w3c.dom.Element;

/** The metadata of a NewsML-G2 newsItem, from its itemMeta and contentMeta, as article fields. */
final class NewsMlG2Metadata {

    private NewsMlG2Metadata() {
    }

    static String headline(Element contentMeta) {
        if (contentMeta == null) {
            return null;
        }
        for (Element headline : children(contentMeta, "headline")) {
            String role = attribute(headline, "role");
            if (role == null || role.endsWith(":main")) {
                return text(headline);
            }
        }
        return text(child(contentMeta, "headline"));
    }

    static String published(Element itemMeta, Element contentMeta) {
        for (String name : List.of("firstCreated", "versionCreated")) {
            String value = text(itemMeta == null ? null : child(itemMeta, name));
            if (value != null) {
                return value;
            }
        }
        return text(contentMeta == null ? null : child(contentMeta, "contentCreated"));
    }

    static String byline(Element contentMeta, ParsedArticle nitf) {
        String by = text(contentMeta == null ? null : child(contentMeta, "by"));
        if (by == null && nitf != null) {
            by = nitf.byline();
        }
        Element creator = contentMeta == null ? null : child(contentMeta, "creator");
        if (by == null && creator != null) {
            by = text(child(creator, "name"));
        }
        return by == null ? null : by.replaceFirst("^(?i)by\\s+", "");
    }

    static Dateline dateline(Element itemMeta, Element contentMeta) {
        String agency = itemMeta == null ? null : provider(child(itemMeta, "provider"));
        String location = null;
        if (contentMeta != null) {
            Element located = child(contentMeta, "located");
            location = attribute(located, "literal");
            if (location == null && located != null) {
                location = text(child(located, "name"));
            }
            var written = Datelines.at(text(child(contentMeta, "dateline")));
            if (written.isPresent()) {
                location = location == null ? written.get().dateline().location() : location;
                agency = agency == null ? written.get().dateline().agency() : agency;
            }
        }
        return location == null && agency == null ? null : new Dateline(location, agency);
    }

    private static String provider(Element provider) {
        if (provider == null) {
            return null;
        }
        return WireAgencies.named(attribute(provider, "qcode"))
                .or(() -> WireAgencies.named(attribute(provider, "literal")))
                .or(() -> WireAgencies.named(text(child(provider, "name"))))
                .orElse(null);
    }

    /** The content's declared language beats the item's, which some agencies set to their own locale. */
    static String language(Element item, Element contentMeta) {
        String content = contentMeta == null ? null : attribute(child(contentMeta, "language"), "tag");
        String lang = item.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        return content != null ? content : lang.isBlank() ? null : lang.strip();
    }

    static int version(Element item) {
        return PubStatuses.version(attribute(item, "version"));
    }

    /** {@code itemMeta/pubStatus}, by its qcode ({@code stat:canceled}) or its URI. */
    static PubStatus pubStatus(Element itemMeta) {
        Element status = itemMeta == null ? null : child(itemMeta, "pubStatus");
        String code = attribute(status, "qcode");
        return PubStatuses.of(code != null ? code : attribute(status, "uri"));
    }
}
