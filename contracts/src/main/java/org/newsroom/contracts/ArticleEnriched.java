package org.newsroom.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An article with everything ingest knew about it plus what enrichment decided: tags, entities, the
 * duplicate decision and its story. Published on {@link Topics#ARTICLES_ENRICHED}, keyed by
 * {@code articleId}; a later decision about the same article is a new record with the same key.
 * {@code extraction} (optional) is carried over from {@link ArticleReceived#extraction()}.
 */
public record ArticleEnriched(
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
        String enrichmentVersion,
        Instant enrichedAt,
        List<Tag> tags,
        List<Entity> entities,
        Dedup dedup,
        String storyId,
        Extraction extraction) {

    public ArticleEnriched {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Articles.requireId(articleId);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(enrichmentVersion, "enrichmentVersion");
        Objects.requireNonNull(enrichedAt, "enrichedAt");
        Objects.requireNonNull(dedup, "dedup");
        paragraphs = List.copyOf(paragraphs);
        removed = removed == null ? List.of() : List.copyOf(removed);
        pubStatus = pubStatus == null ? PubStatus.usable : pubStatus;
        tags = tags == null ? List.of() : List.copyOf(tags);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** An article without {@code extraction} (the record as it was before that field). */
    public ArticleEnriched(UUID eventId, Instant occurredAt, String articleId, int version, Source source, String format,
                           String url, String guid, String headline, List<String> paragraphs, Instant publishedAt,
                           String byline, Dateline dateline, String language, List<Removal> removed,
                           PubStatus pubStatus, String correlationId, String enrichmentVersion, Instant enrichedAt,
                           List<Tag> tags, List<Entity> entities, Dedup dedup, String storyId) {
        this(eventId, occurredAt, articleId, version, source, format, url, guid, headline, paragraphs, publishedAt,
                byline, dateline, language, removed, pubStatus, correlationId, enrichmentVersion, enrichedAt, tags,
                entities, dedup, storyId, null);
    }

    /**
     * Enrichment of {@code received}: the article's fields are carried over unchanged.
     */
    public static ArticleEnriched of(ArticleReceived received, Enrichment enrichment, Instant enrichedAt) {
        return new ArticleEnriched(UUID.randomUUID(), enrichedAt, received.articleId(), received.version(),
                received.source(), received.format(), received.url(), received.guid(), received.headline(),
                received.paragraphs(), received.publishedAt(), received.byline(), received.dateline(),
                received.language(), received.removed(), received.pubStatus(), received.correlationId(),
                enrichment.enrichmentVersion(), enrichedAt,
                enrichment.tags(), enrichment.entities(), enrichment.dedup(), enrichment.storyId(), received.extraction());
    }

    /** The same article with a new duplicate decision (e.g. when an earlier original turns up later). */
    public ArticleEnriched withDedup(Dedup newDedup) {
        return new ArticleEnriched(eventId, occurredAt, articleId, version, source, format, url, guid, headline,
                paragraphs, publishedAt, byline, dateline, language, removed, pubStatus, correlationId, enrichmentVersion,
                enrichedAt, tags, entities, newDedup, storyId, extraction);
    }

    /** The same article as another event (e.g. a later decision about it: each event has its own id). */
    public ArticleEnriched withEventId(UUID newEventId) {
        return new ArticleEnriched(newEventId, occurredAt, articleId, version, source, format, url, guid, headline,
                paragraphs, publishedAt, byline, dateline, language, removed, pubStatus, correlationId, enrichmentVersion,
                enrichedAt, tags, entities, dedup, storyId, extraction);
    }

    /** The same article assigned to another story. */
    public ArticleEnriched withStoryId(String newStoryId) {
        return new ArticleEnriched(eventId, occurredAt, articleId, version, source, format, url, guid, headline,
                paragraphs, publishedAt, byline, dateline, language, removed, pubStatus, correlationId, enrichmentVersion,
                enrichedAt, tags, entities, dedup, newStoryId, extraction);
    }

    /** The same article naming other entities, with the tags that follow from them. */
    public ArticleEnriched withEntities(List<Entity> newEntities, List<Tag> newTags) {
        return new ArticleEnriched(eventId, occurredAt, articleId, version, source, format, url, guid, headline,
                paragraphs, publishedAt, byline, dateline, language, removed, pubStatus, correlationId, enrichmentVersion,
                enrichedAt, newTags, newEntities, dedup, storyId, extraction);
    }

    /** The body as one text, paragraphs separated by blank lines. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
