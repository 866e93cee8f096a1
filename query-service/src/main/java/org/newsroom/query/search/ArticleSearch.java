package org.newsroom.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.newsroom.query.QueryProperties;
import org.newsroom.query.indexing.ArticleDocument;
import org.newsroom.query.indexing.ArticleIndex;
import org.springframework.stereotype.Component;

/**
 * Full-text search with filters, facets, collapsed duplicates and cursor paging over the article alias. An
 * index that does not exist yet is an empty result, not an error.
 */
@Component
public class ArticleSearch {

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final QueryProperties properties;

    ArticleSearch(ElasticsearchClient client, ArticleIndex index, QueryProperties properties) {
        this.client = client;
        this.index = index;
        this.properties = properties;
    }

    public SearchPage search(SearchRequest request) throws IOException {
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(SearchQueries.search(index.alias(), request), ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return SearchPage.empty(request);
            }
            throw e;
        }
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        Facets facets = request.facets() ? FacetAggregations.read(response.aggregations()) : null;
        Long groups = request.collapse() && request.facets()
                ? FacetAggregations.groups(response.aggregations()).orElse(null) : null;
        return new SearchPage(request.query(), total, groups, offset(request), request.size(), articles(request, hits),
                nextCursor(request, hits), facets);
    }

    private List<ArticleHit> articles(SearchRequest request, List<Hit<ArticleDocument>> hits) throws IOException {
        if (!request.collapse() || hits.isEmpty()) {
            return hits.stream().map(SearchHits::of).toList();
        }
        List<String> canonicalIds = hits.stream().map(h -> h.source().dedup().canonicalId()).distinct().toList();
        Map<String, DuplicateGroups.Group> groups = DuplicateGroups.read(client.search(
                DuplicateGroups.request(index.alias(), request, canonicalIds), Void.class).aggregations());
        return hits.stream().map(h -> SearchHits.of(h, groups.get(h.source().dedup().canonicalId()))).toList();
    }

    private static int offset(SearchRequest request) {
        return request.cursor() == null ? request.from() : request.cursor().offset();
    }

    /** A full page may have a successor; a collapsed search pages by offset, and only up to max-from. */
    private String nextCursor(SearchRequest request, List<Hit<ArticleDocument>> hits) {
        if (hits.size() < request.size()) {
            return null;
        }
        if (request.collapse()) {
            int next = offset(request) + request.size();
            return next + request.size() > properties.maxFrom() ? null
                    : Cursor.offset(request.effectiveSort(), next).encode();
        }
        List<Object> values = hits.getLast().sort().stream().map(FieldValue::_get).toList();
        return Cursor.after(request.effectiveSort(), values).encode();
    }
}
