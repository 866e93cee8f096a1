package org.newsroom.query.indexing;

import java.time.Instant;
import java.util.List;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.Tag;
import org.newsroom.contracts.ninjs.NinjsRenderer;

/**
 * An enriched article as stored in Elasticsearch under {@code _id = articleId}. Field names are the event's
 * own, so a JSON path means the same thing on the topic, in the index and in the API; {@code correlationId}
 * leads from a document back to the log lines of every service that handled the article; {@code extraction}
 * (web pages only) lets a newsroom find weak extractions ({@code extraction.confidence < 0.5}).
 */
public record ArticleDocument(String articleId, int version, Source source, String format, String url, String guid,
                              String headline, List<String> paragraphs, Instant publishedAt, String byline,
                              Dateline dateline, String language, String enrichmentVersion, Instant enrichedAt,
                              List<Tag> tags, List<Entity> entities, Dedup dedup, String storyId, String correlationId,
                              Instant indexedAt, Extraction extraction) {

    /** A document without {@code extraction}: not from a web page, or indexed before the field. */
    public ArticleDocument(String articleId, int version, Source source, String format, String url, String guid,
                           String headline, List<String> paragraphs, Instant publishedAt, String byline,
                           Dateline dateline, String language, String enrichmentVersion, Instant enrichedAt,
                           List<Tag> tags, List<Entity> entities, Dedup dedup, String storyId, String correlationId,
                           Instant indexedAt) {
        this(articleId, version, source, format, url, guid, headline, paragraphs, publishedAt, byline, dateline,
                language, enrichmentVersion, enrichedAt, tags, entities, dedup, storyId, correlationId, indexedAt, null);
    }

    static ArticleDocument of(ArticleEnriched article, Instant indexedAt) {
        return new ArticleDocument(article.articleId(), article.version(), article.source(), article.format(),
                article.url(), article.guid(), article.headline(), article.paragraphs(), article.publishedAt(),
                article.byline(), article.dateline(), article.language(), article.enrichmentVersion(),
                article.enrichedAt(), article.tags(), article.entities(), article.dedup(), article.storyId(),
                article.correlationId(), indexedAt, article.extraction());
    }

    /** This article as an IPTC ninjs item: its tags as subjects, entities as people, organisations and places. */
    public NinjsRenderer.Item ninjs() {
        return new NinjsRenderer.Item(articleId, version, source, url, guid, headline, paragraphs, publishedAt,
                enrichedAt, byline, dateline, language, tags == null ? List.of() : tags,
                entities == null ? List.of() : entities);
    }
}
