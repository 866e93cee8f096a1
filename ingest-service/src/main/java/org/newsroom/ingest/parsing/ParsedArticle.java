package org.newsroom.ingest.parsing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Removal;

/**
 * What a parser read from one item of a document, before it gets an identity and a source.
 * Optional fields are null when the document does not say; {@code pubStatus} is usable unless the item says
 * otherwise. A kill or hold (not {@link PubStatus#shown()}) may have no text at all, but always has its guid.
 * {@code extraction} says how the text of a web page was found (null for formats that carry their text).
 */
public record ParsedArticle(String format, String headline, List<String> paragraphs, Instant publishedAt,
                            String byline, Dateline dateline, String language, String url, String guid,
                            int version, List<Removal> removed, PubStatus pubStatus, Extraction extraction) {

    public ParsedArticle {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(headline, "headline");
        paragraphs = List.copyOf(paragraphs);
        removed = removed == null ? List.of() : List.copyOf(removed);
        version = Math.max(1, version);
        pubStatus = pubStatus == null ? PubStatus.usable : pubStatus;
        if (!pubStatus.shown() && (guid == null || guid.isBlank())) {
            throw new IllegalArgumentException("a " + pubStatus + " item names the article it takes out by its guid");
        }
    }

    /** An article whose format carries its text. */
    public ParsedArticle(String format, String headline, List<String> paragraphs, Instant publishedAt,
                         String byline, Dateline dateline, String language, String url, String guid,
                         int version, List<Removal> removed, PubStatus pubStatus) {
        this(format, headline, paragraphs, publishedAt, byline, dateline, language, url, guid, version, removed,
                pubStatus, null);
    }

    /** A usable article: what every format without a status gives. */
    public ParsedArticle(String format, String headline, List<String> paragraphs, Instant publishedAt,
                         String byline, Dateline dateline, String language, String url, String guid,
                         int version, List<Removal> removed) {
        this(format, headline, paragraphs, publishedAt, byline, dateline, language, url, guid, version, removed,
                PubStatus.usable);
    }

    /**
     * The UTF-8 size of every text the article carries (headline, paragraphs, removed text and the metadata
     * strings): what its Kafka record holds before JSON escaping, so the one measure the article limit applies to.
     */
    public long sizeInBytes() {
        long size = utf8(headline) + utf8(byline) + utf8(language) + utf8(url) + utf8(guid);
        for (String paragraph : paragraphs) {
            size += utf8(paragraph);
        }
        for (Removal removal : removed) {
            size += utf8(removal.text()) + utf8(removal.reason());
        }
        if (dateline != null) {
            size += utf8(dateline.toString());
        }
        return size;
    }

    private static long utf8(String text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Counted without encoding: a surrogate pair is 4 bytes, two halves of 2 each.
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** An article known only by its text, as in a plain-text drop. */
    public static ParsedArticle ofText(String format, String headline, List<String> paragraphs, Instant publishedAt) {
        return new ParsedArticle(format, headline, paragraphs, publishedAt, null, null, null, null, null, 1, List.of());
    }
}
