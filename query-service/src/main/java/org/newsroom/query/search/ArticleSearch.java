package org.newsroom.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.util.List;
import org.newsroom.query.indexing.ArticleDocument;
import org.newsroom.query.indexing.ArticleIndex;
import org.springframework.stereotype.Component;

/**
 * Full-text search over headlines and body text. User input goes through {@code simple_query_string},
 * which never fails on syntax, so no query can produce a server error.
 */
@Component
public class ArticleSearch {

    private static final List<String> FIELDS = List.of("headline^3", "paragraphs", "byline");

    private final ElasticsearchClient client;
    private final ArticleIndex index;

    ArticleSearch(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    public SearchPage search(SearchRequest request) throws IOException {
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(s -> {
                s.index(index.alias()).query(query(request)).from(request.from()).size(request.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.excludes("paragraphs")))
                        .highlight(h -> h.fields(NamedValue.of("paragraphs", HighlightField.of(f -> f.fragmentSize(200).numberOfFragments(1))))
                                .preTags("<mark>").postTags("</mark>"));
                if (request.isBrowse()) {
                    s.sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc).missing("_last")));
                }
                return s;
            }, ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return new SearchPage(request.query(), 0, request.from(), request.size(), List.of());
            }
            throw e;
        }
        List<ArticleHit> hits = response.hits().hits().stream().map(ArticleSearch::hit).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchPage(request.query(), total, request.from(), request.size(), hits);
    }

    static Query query(SearchRequest request) {
        if (request.isBrowse()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.simpleQueryString(s -> s.query(request.query()).fields(FIELDS)
                .defaultOperator(Operator.And)));
    }

    private static ArticleHit hit(Hit<ArticleDocument> hit) {
        ArticleDocument doc = hit.source();
        List<String> fragments = hit.highlight().getOrDefault("paragraphs", List.of());
        String snippet = fragments.isEmpty() ? null : fragments.getFirst();
        return new ArticleHit(hit.id(), doc.headline(), doc.publishedAt(), doc.source(), doc.dateline(), doc.url(),
                snippet, doc.dedup(), doc.storyId(), hit.score());
    }
}
