package org.newsroom.query.search;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.Map;

/** The request bodies behind story and more-like-this lookups, kept apart from I/O so tests assert them. */
final class LookupQueries {

    private LookupQueries() {
    }

    /** A story's articles oldest first, with the time span and the sources that covered it. */
    static SearchRequest story(String index, String storyId, int size) {
        return SearchRequest.of(s -> s.index(index).size(size)
                .query(q -> q.term(t -> t.field("storyId").value(storyId)))
                .sort(SearchQueries.byDate(SortOrder.Asc))
                .source(src -> src.filter(f -> f.excludes(SearchQueries.HIT_EXCLUDES)))
                .trackTotalHits(t -> t.enabled(true))
                .aggregations(Map.of(
                        "first", Aggregation.of(a -> a.min(m -> m.field("publishedAt").format("strict_date_time"))),
                        "last", Aggregation.of(a -> a.max(m -> m.field("publishedAt").format("strict_date_time"))),
                        "sources", Aggregation.of(a -> a.terms(t -> t.field("source.name").size(50))))));
    }

    /** A duplicate group: the original and every republication of it (same {@code dedup.canonicalId}), oldest first. */
    static SearchRequest duplicates(String index, String canonicalId, int size) {
        return SearchRequest.of(s -> s.index(index).size(size)
                .query(q -> q.term(t -> t.field("dedup.canonicalId").value(canonicalId)))
                .sort(SearchQueries.byDate(SortOrder.Asc))
                .source(src -> src.filter(f -> f.excludes(SearchQueries.HIT_EXCLUDES)))
                .trackTotalHits(t -> t.enabled(true)));
    }

    /**
     * Articles sharing the most distinctive terms of headline and text with {@code articleId}, one per
     * duplicate group, leaving out the article's own group (its original and copies are not "similar", they
     * are the same).
     */
    static SearchRequest similar(String index, String articleId, String canonicalId, int size) {
        Query moreLikeThis = Query.of(q -> q.moreLikeThis(m -> m.fields("headline", "paragraphs")
                .like(l -> l.document(d -> d.index(index).id(articleId)))
                .minTermFreq(1).minDocFreq(1).maxQueryTerms(25)));
        return SearchRequest.of(s -> s.index(index).size(size)
                .query(q -> q.bool(b -> b.must(moreLikeThis)
                        .mustNot(n -> n.term(t -> t.field("dedup.canonicalId").value(canonicalId)))))
                .collapse(c -> c.field("dedup.canonicalId"))
                .source(src -> src.filter(f -> f.excludes(SearchQueries.HIT_EXCLUDES))));
    }
}
