package org.newsroom.query.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.PubStatus;
import org.newsroom.contracts.Removal;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.Tag;

/**
 * An enriched article with a few fields changed, for tests: {@code ArticleBuilder.from(article).version(2).build()}.
 * Every field is copied here and only here, so a new field of {@link ArticleEnriched} is added in this class alone.
 */
public final class ArticleBuilder {

    private final UUID eventId;
    private final Instant occurredAt;
    private final String articleId;
    private int version;
    private final Source source;
    private String format;
    private String url;
    private final String guid;
    private String headline;
    private final List<String> paragraphs;
    private final Instant publishedAt;
    private final String byline;
    private final Dateline dateline;
    private final String language;
    private final List<Removal> removed;
    private PubStatus pubStatus;
    private final String correlationId;
    private final String enrichmentVersion;
    private final Instant enrichedAt;
    private List<Tag> tags;
    private final List<Entity> entities;
    private final Dedup dedup;
    private final String storyId;
    private Extraction extraction;

    private ArticleBuilder(ArticleEnriched a) {
        eventId = a.eventId();
        occurredAt = a.occurredAt();
        articleId = a.articleId();
        version = a.version();
        source = a.source();
        format = a.format();
        url = a.url();
        guid = a.guid();
        headline = a.headline();
        paragraphs = a.paragraphs();
        publishedAt = a.publishedAt();
        byline = a.byline();
        dateline = a.dateline();
        language = a.language();
        removed = a.removed();
        pubStatus = a.pubStatus();
        correlationId = a.correlationId();
        enrichmentVersion = a.enrichmentVersion();
        enrichedAt = a.enrichedAt();
        tags = a.tags();
        entities = a.entities();
        dedup = a.dedup();
        storyId = a.storyId();
        extraction = a.extraction();
    }

    public static ArticleBuilder from(ArticleEnriched article) {
        return new ArticleBuilder(article);
    }

    public ArticleBuilder version(int newVersion) {
        version = newVersion;
        return this;
    }

    public ArticleBuilder url(String newUrl) {
        url = newUrl;
        return this;
    }

    public ArticleBuilder headline(String newHeadline) {
        headline = newHeadline;
        return this;
    }

    public ArticleBuilder pubStatus(PubStatus newStatus) {
        pubStatus = newStatus;
        return this;
    }

    public ArticleBuilder format(String newFormat) {
        format = newFormat;
        return this;
    }

    public ArticleBuilder extraction(Extraction newExtraction) {
        extraction = newExtraction;
        return this;
    }

    public ArticleBuilder tags(List<Tag> newTags) {
        tags = newTags;
        return this;
    }

    public ArticleEnriched build() {
        return new ArticleEnriched(eventId, occurredAt, articleId, version, source, format, url, guid, headline,
                paragraphs, publishedAt, byline, dateline, language, removed, pubStatus, correlationId, enrichmentVersion,
                enrichedAt, tags, entities, dedup, storyId, extraction);
    }
}
