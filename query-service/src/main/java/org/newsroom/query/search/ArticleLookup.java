package org.newsroom.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.newsroom.query.indexing.ArticleDocument;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.web.Links;
import org.springframework.stereotype.Component;

/** Reads by id: one article, its duplicate group, a story's articles, and articles similar to one (more-like-this). */
@Component
public class ArticleLookup {

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    ArticleLookup(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    public ArticleDocument article(String articleId) throws IOException {
        try {
            GetResponse<ArticleDocument> response = client.get(g -> g.index(index.alias()).id(articleId),
                    ArticleDocument.class);
            if (response.found() && response.source() != null) {
                return withHttpUrlOnly(response.source());
            }
        } catch (ElasticsearchException e) {
            if (!"index_not_found_exception".equals(e.error().type())) {
                throw e;
            }
        }
        throw new ArticleNotFoundException("No article with id " + articleId);
    }

    public Story story(String storyId, int size) throws IOException {
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(LookupQueries.story(index.alias(), storyId, size), ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                throw new ArticleNotFoundException("No story with id " + storyId);
            }
            throw e;
        }
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        if (total == 0) {
            throw new ArticleNotFoundException("No story with id " + storyId);
        }
        var aggregations = response.aggregations();
        return new Story(storyId, total, instant(aggregations.get("first").min().valueAsString()),
                instant(aggregations.get("last").max().valueAsString()),
                FacetAggregations.plain(aggregations.get("sources")), hits(response));
    }

    /**
     * The article's duplicate group: its original and every republication of it, oldest first (the article itself
     * included), whatever stories they were put in.
     */
    public DuplicateGroup duplicates(String articleId, int size) throws IOException {
        String canonicalId = article(articleId).dedup().canonicalId();
        SearchResponse<ArticleDocument> response = client.search(LookupQueries.duplicates(index.alias(), canonicalId, size),
                ArticleDocument.class);
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new DuplicateGroup(canonicalId, total, hits(response));
    }

    /** Other stories' articles sharing the most distinctive terms; the article's own copies are left out. */
    public List<ArticleHit> similar(String articleId, int size) throws IOException {
        ArticleDocument article = article(articleId);
        var request = LookupQueries.similar(index.alias(), articleId, article.dedup().canonicalId(), size);
        return hits(client.search(request, ArticleDocument.class));
    }

    private static List<ArticleHit> hits(SearchResponse<ArticleDocument> response) {
        return response.hits().hits().stream().map(SearchHits::of).toList();
    }

    /** A stored article as the API may show it: a {@code url} that is not http(s) is dropped, as in hits. */
    static ArticleDocument withHttpUrlOnly(ArticleDocument doc) {
        if (doc.url() == null || Links.isHttp(doc.url())) {
            return doc;
        }
        return new ArticleDocument(doc.articleId(), doc.version(), doc.source(), doc.format(), null, doc.guid(),
                doc.headline(), doc.paragraphs(), doc.publishedAt(), doc.byline(), doc.dateline(), doc.language(),
                doc.enrichmentVersion(), doc.enrichedAt(), doc.tags(), doc.entities(), doc.dedup(), doc.storyId(),
                doc.correlationId(), doc.indexedAt(), doc.extraction());
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
