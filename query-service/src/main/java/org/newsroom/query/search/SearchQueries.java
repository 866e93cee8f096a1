package org.newsroom.query.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import java.util.List;
import org.newsroom.query.language.ElasticsearchQuery;
import org.newsroom.query.language.NewsQuery;

/**
 * Builds the Elasticsearch request for a {@link SearchRequest}: plain Java, so tests assert the JSON it
 * produces without a node. Query text and filters are {@link NewsQuery}'s Elasticsearch rendering, the model
 * saved searches and live streams match with too; duplicates are collapsed on {@code dedup.canonicalId} (the groups' members are fetched
 * by {@link DuplicateGroups}).
 */
final class SearchQueries {

    /** Elasticsearch's default {@code index.highlight.max_analyzed_offset}; a request may ask for no more. */
    static final int MAX_HIGHLIGHTED_CHARS = 1_000_000;
    static final List<String> HIT_EXCLUDES = List.of("paragraphs", "tags.evidence", "entities.aliases");

    private SearchQueries() {
    }

    static co.elastic.clients.elasticsearch.core.SearchRequest search(String index, SearchRequest request) {
        return co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> {
            s.index(index).query(query(request)).size(request.size()).sort(sort(request.effectiveSort()))
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.excludes(HIT_EXCLUDES)))
                    // Highlighting reads at most the index's analysed-offset limit of a field: past it, an article
                    // as long as ingest allows would fail the whole search instead of losing its late matches.
                    .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>")
                            .maxAnalyzedOffset(MAX_HIGHLIGHTED_CHARS)
                            .fields(NamedValue.of("headline", HighlightField.of(f -> f.numberOfFragments(0))),
                                    NamedValue.of("paragraphs", HighlightField.of(f -> f.fragmentSize(200).numberOfFragments(1)))));
            Cursor cursor = request.cursor();
            if (cursor != null && !cursor.isOffset()) {
                s.searchAfter(cursor.after().stream().map(FieldValue::of).toList());
            } else {
                s.from(cursor == null ? request.from() : cursor.offset());
            }
            if (request.collapse()) {
                s.collapse(c -> c.field("dedup.canonicalId"));
            }
            if (request.facets()) {
                s.aggregations(FacetAggregations.of(request.interval(), request.collapse()));
            }
            return s;
        });
    }

    /** The request's query and filters through the one query model that saved searches and live streams use. */
    static Query query(SearchRequest request) {
        return ElasticsearchQuery.of(NewsQuery.parse(request.query(), request.filters()));
    }

    /** Newest first for date order; relevance ties broken by date; the article id makes the order total. */
    static List<SortOptions> sort(SearchSort sort) {
        SortOptions byId = SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc)));
        if (sort == SearchSort.date) {
            return List.of(byDate(SortOrder.Desc), byId);
        }
        return List.of(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))), byDate(SortOrder.Desc), byId);
    }

    static SortOptions byDate(SortOrder order) {
        return SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(order).missing("_last")));
    }
}
