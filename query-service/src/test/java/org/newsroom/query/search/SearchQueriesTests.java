package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Extraction;
import org.newsroom.query.language.SearchFilters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SearchQueriesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void requiresEveryWordOfTheQueryInHeadlineTextOrByline() {
        JsonNode body = body(SearchRequest.of("venezuela sanctions", 0, 10));

        JsonNode words = body.at("/query/bool/must/0/bool/must");
        assertThat(words.size()).isEqualTo(2);
        JsonNode fields = words.get(1).at("/dis_max/queries");
        assertThat(fields.get(0).at("/match_phrase/headline/query").asString()).isEqualTo("sanctions");
        assertThat(fields.get(0).at("/match_phrase/headline/boost").asDouble()).isEqualTo(3.0);
        assertThat(fields.get(1).at("/match_phrase/paragraphs/query").asString()).isEqualTo("sanctions");
        assertThat(fields.get(2).at("/match_phrase/byline/query").asString()).isEqualTo("sanctions");
    }

    @Test
    void turnsEachFilterIntoANonScoringAlternativeOfItsValues() {
        SearchFilters filters = new SearchFilters(List.of("medtop:11000000", "Politics"), List.of("Q298"),
                List.of("AFP"), List.of("Reuters"), List.of("en"), Instant.parse("2019-05-01T00:00:00Z"),
                Instant.parse("2019-05-08T00:00:00Z"), null, null);
        JsonNode body = body(new SearchRequest("pompeo", filters, SearchSort.relevance, 0, 10, null, true, false, "day"));

        JsonNode filter = body.at("/query/bool/filter");
        assertThat(filter.size()).isEqualTo(6);
        JsonNode tags = filter.get(0).at("/bool");
        assertThat(tags.path("minimum_should_match").asString()).isEqualTo("1");
        // keyword filters ignore case: the .lower sub-fields hold lower-cased values, and so do the filters
        assertThat(tags.at("/should/0/terms/tags.id.lower").toString()).isEqualTo("[\"medtop:11000000\",\"politics\"]");
        assertThat(tags.at("/should/1/terms/tags.label.lower").toString()).isEqualTo("[\"medtop:11000000\",\"politics\"]");
        assertThat(filter.get(1).at("/bool/should/1/terms/entities.name.lower").toString()).isEqualTo("[\"q298\"]");
        assertThat(filter.get(2).at("/bool/should/0/terms/source.name.lower").toString()).isEqualTo("[\"afp\"]");
        assertThat(filter.get(3).at("/bool/should/0/terms/dateline.agency.lower").toString()).isEqualTo("[\"reuters\"]");
        assertThat(filter.get(4).at("/bool/should/0/terms/language.lower").toString()).isEqualTo("[\"en\"]");
        assertThat(filter.get(5).at("/range/publishedAt/gte").asString())
                .isEqualTo(String.valueOf(Instant.parse("2019-05-01T00:00:00Z").toEpochMilli()));
        assertThat(filter.get(5).at("/range/publishedAt/lt").asString())
                .isEqualTo(String.valueOf(Instant.parse("2019-05-08T00:00:00Z").toEpochMilli()));
    }

    @Test
    void findsWeakExtractionsByTheExactMethodNameAndAnExclusiveConfidenceBound() {
        SearchFilters filters = new SearchFilters(null, null, null, null, null, null, null,
                List.of(Extraction.Method.jsonLd, Extraction.Method.largestBlock), 0.5);
        JsonNode body = body(new SearchRequest(null, filters, SearchSort.relevance, 0, 10, null, true, true, "day"));

        JsonNode filter = body.at("/query/bool/filter");
        assertThat(filter.size()).isEqualTo(2);
        assertThat(filter.get(0).at("/bool/should/0/terms/extraction.method").toString())
                .isEqualTo("[\"jsonLd\",\"largestBlock\"]");
        assertThat(filter.get(1).at("/range/extraction.confidence").toString()).isEqualTo("{\"lt\":0.5}");
        assertThat(body.at("/aggregations/extractions/terms/field").asString()).isEqualTo("extraction.method");
    }

    @Test
    void collapsesOnTheCanonicalIdAndFetchesThePageGroupsInOneRequestOldestFirst() {
        JsonNode body = body(SearchRequest.of("sanction", 0, 10));
        assertThat(body.at("/collapse/field").asString()).isEqualTo("dedup.canonicalId");
        assertThat(body.at("/collapse").has("inner_hits")).isFalse();

        JsonNode groups = json(DuplicateGroups.request("articles", SearchRequest.of("sanction", 0, 10), List.of("a", "b")));
        assertThat(groups.path("size").asInt()).isZero();
        assertThat(groups.at("/query/bool/must/0/bool/must/0/dis_max/queries/0/match_phrase/headline/query").asString())
                .isEqualTo("sanction");
        assertThat(groups.at("/query/bool/filter/0/terms/dedup.canonicalId").toString()).isEqualTo("[\"a\",\"b\"]");
        JsonNode members = groups.at("/aggregations/groups/aggregations/members/top_hits");
        assertThat(groups.at("/aggregations/groups/terms/size").asInt()).isEqualTo(2);
        assertThat(members.path("size").asInt()).isEqualTo(DuplicateGroups.GROUP_SIZE);
        assertThat(members.at("/sort/0/publishedAt/order").asString()).isEqualTo("asc");
    }

    @Test
    void includesDuplicatesWithoutCollapseAndPagesWithSearchAfter() {
        Cursor cursor = Cursor.after(SearchSort.date, List.of(1557100800000L, "a1"));
        JsonNode body = body(new SearchRequest(null, null, SearchSort.relevance, 0, 5, cursor, false, false, "day"));

        assertThat(body.has("collapse")).isFalse();
        assertThat(body.has("from")).isFalse();
        assertThat(body.path("search_after").toString()).isEqualTo("[1557100800000,\"a1\"]");
        assertThat(body.at("/query/bool/must/0").has("match_all")).isTrue();
        assertThat(body.at("/sort/0/publishedAt/order").asString()).isEqualTo("desc");
        assertThat(body.at("/sort/1/articleId/order").asString()).isEqualTo("asc");
    }

    @Test
    void sortsByRelevanceThenDateThenIdForAStableOrder() {
        JsonNode sort = body(SearchRequest.of("x", 0, 10)).path("sort");

        assertThat(sort.get(0).at("/_score/order").asString()).isEqualTo("desc");
        assertThat(sort.get(1).at("/publishedAt/order").asString()).isEqualTo("desc");
        assertThat(sort.get(2).at("/articleId/order").asString()).isEqualTo("asc");
    }

    @Test
    void highlightsHeadlineAndOneSnippetHtmlEscaped() {
        JsonNode highlight = body(SearchRequest.of("x", 0, 10)).path("highlight");

        assertThat(highlight.path("encoder").asString()).isEqualTo("html");
        assertThat(highlight.at("/pre_tags/0").asString()).isEqualTo("<mark>");
        assertThat(highlight.at("/fields/0/headline/number_of_fragments").asInt()).isZero();
        assertThat(highlight.at("/fields/1/paragraphs/number_of_fragments").asInt()).isEqualTo(1);
    }

    @Test
    void asksForFacetsAndTheGroupCountWhenCollapsing() {
        JsonNode aggs = body(new SearchRequest("x", null, SearchSort.relevance, 0, 10, null, true, true, "month"))
                .path("aggregations");

        assertThat(aggs.at("/tags/terms/field").asString()).isEqualTo("tags.id");
        assertThat(aggs.at("/tags/aggregations/example/top_hits/size").asInt()).isEqualTo(1);
        assertThat(aggs.at("/entities/terms/field").asString()).isEqualTo("entities.id");
        assertThat(aggs.at("/sources/terms/field").asString()).isEqualTo("source.name");
        assertThat(aggs.at("/agencies/terms/field").asString()).isEqualTo("dateline.agency");
        assertThat(aggs.at("/published/date_histogram/calendar_interval").asString()).isEqualTo("month");
        assertThat(aggs.at("/groups/cardinality/field").asString()).isEqualTo("dedup.canonicalId");
    }

    static JsonNode body(SearchRequest request) {
        return json(SearchQueries.search("articles", request));
    }

    static JsonNode json(co.elastic.clients.elasticsearch.core.SearchRequest request) {
        return JSON.readTree(JsonpUtils.toJsonString(request, new Jackson3JsonpMapper()));
    }
}
