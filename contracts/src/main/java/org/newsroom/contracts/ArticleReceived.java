package org.newsroom.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An article taken in by ingest-service, parsed and cleaned but not yet enriched.
 * Published on {@link Topics#ARTICLES_RAW}, keyed by {@code articleId}; re-delivery of the same input
 * carries the same {@code articleId}, and a new version of the same agency item raises {@code version}.
 * {@code pubStatus} tells a kill ({@code canceled}) or hold ({@code withheld}) from a usable article;
 * {@code correlationId} follows the article from intake through every service's logs to its search document.
 * {@code extraction} (optional, added in session 4) says how the text of a web page was found; null for formats
 * that carry their text.
 */
public record ArticleReceived(
        UUID eventId,
        Instant occurredAt,
        String articleId,
        int version,
        Source source,
        String format,
        String url,
        String guid,
        String headline,
        List<String> paragraphs,
        Instant publishedAt,
        String byline,
        Dateline dateline,
        String language,
        List<Removal> removed,
        PubStatus pubStatus,
        String correlationId,
        Extraction extraction) {

    public ArticleReceived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Articles.requireId(articleId);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(headline, "headline");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        paragraphs = List.copyOf(paragraphs);
        removed = removed == null ? List.of() : List.copyOf(removed);
        pubStatus = pubStatus == null ? PubStatus.usable : pubStatus;
    }

    /** An article whose text was not extracted from a web page (the record as it was before {@code extraction}). */
    public ArticleReceived(UUID eventId, Instant occurredAt, String articleId, int version, Source source, String format,
                           String url, String guid, String headline, List<String> paragraphs, Instant publishedAt,
                           String byline, Dateline dateline, String language, List<Removal> removed,
                           PubStatus pubStatus, String correlationId) {
        this(eventId, occurredAt, articleId, version, source, format, url, guid, headline, paragraphs, publishedAt,
                byline, dateline, language, removed, pubStatus, correlationId, null);
    }

    /** The body as one text, paragraphs separated by blank lines. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
