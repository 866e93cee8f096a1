package org.newsroom.query.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matching members of a page's duplicate groups, oldest (the original) first, fetched in one request
 * after the collapsed page: Elasticsearch's collapse {@code inner_hits} would send one search per group,
 * which measured several times slower than this single query filtered to the page's canonical ids.
 */
final class DuplicateGroups {

    /** The original plus this many republications are listed per group. */
    static final int GROUP_SIZE = 6;
    private static final List<String> MEMBER_FIELDS = List.of("articleId", "version", "headline", "publishedAt",
            "source", "dateline", "url", "dedup", "language", "storyId", "tags", "entities");

    private DuplicateGroups() {
    }

    /** One group: how many of its articles match, and the first {@link #GROUP_SIZE} of them by date. */
    record Group(long matching, List<Hit<JsonData>> members) {

        Group {
            members = List.copyOf(members);
        }
    }

    static co.elastic.clients.elasticsearch.core.SearchRequest request(String index, SearchRequest search,
                                                                       List<String> canonicalIds) {
        List<FieldValue> ids = canonicalIds.stream().map(FieldValue::of).toList();
        Query members = Query.of(q -> q.bool(b -> b.must(SearchQueries.query(search))
                .filter(f -> f.terms(t -> t.field("dedup.canonicalId").terms(v -> v.value(ids))))));
        return co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> s.index(index).size(0).query(members)
                .aggregations("groups", a -> a.terms(t -> t.field("dedup.canonicalId").size(ids.size()))
                        .aggregations("members", m -> m.topHits(h -> h.size(GROUP_SIZE)
                                .sort(SearchQueries.byDate(SortOrder.Asc))
                                .source(src -> src.filter(f -> f.includes(MEMBER_FIELDS).excludes(SearchQueries.HIT_EXCLUDES)))))));
    }

    static Map<String, Group> read(Map<String, Aggregate> aggregations) {
        Map<String, Group> groups = new HashMap<>();
        for (var bucket : aggregations.get("groups").sterms().buckets().array()) {
            var members = bucket.aggregations().get("members").topHits().hits().hits();
            groups.put(bucket.key().stringValue(), new Group(bucket.docCount(), members));
        }
        return groups;
    }
}
