package org.newsroom.query.search;

import org.newsroom.query.language.SearchFilters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Extraction;
import org.newsroom.query.QueryProperties;

class SearchParamsTests {

    private static final QueryProperties LIMITS = QueryProperties.forAlias("articles");

    @Test
    void defaultsToTenCollapsedHitsByRelevanceWithFacets() {
        SearchRequest request = params("iran", null, null, null, null).toRequest(LIMITS);

        assertThat(request.size()).isEqualTo(10);
        assertThat(request.collapse()).isTrue();
        assertThat(request.facets()).isTrue();
        assertThat(request.sort()).isEqualTo(SearchSort.relevance);
    }

    @Test
    void readsDatesAsWholeUtcDaysOrInstants() {
        SearchParams params = new SearchParams("x", null, null, null, null, null, "2019-05-06", "2019-05-07",
                null, null, null, null, null, null, null, null, null);

        SearchFilters filters = params.toRequest(LIMITS).filters();

        assertThat(filters.since()).isEqualTo(Instant.parse("2019-05-06T00:00:00Z"));
        assertThat(filters.until()).isEqualTo(Instant.parse("2019-05-08T00:00:00Z"));
    }

    @Test
    void readsExtractionMethodsIgnoringCaseAndAConfidenceBound() {
        SearchFilters filters = extraction(List.of("largestblock", "OpenGraph"), "0.5").toRequest(LIMITS).filters();

        assertThat(filters.extractionMethods()).containsExactly(Extraction.Method.largestBlock, Extraction.Method.openGraph);
        assertThat(filters.extractionConfidenceBelow()).isEqualTo(0.5);
        assertThat(filters.count()).isEqualTo(3);
    }

    @Test
    void refusesAnUnknownExtractionMethodOrABoundThatIsNoConfidence() {
        assertInvalid(extraction(List.of("fallback"), null), "extraction must be one of articleBody, scoredBlock");
        assertInvalid(extraction(null, "50%"), "extractionConfidenceBelow must be a number from 0 to 1");
        assertInvalid(extraction(null, "-0.1"), "extractionConfidenceBelow must be a number from 0 to 1");
    }

    @Test
    void refusesRequestsBeyondTheLimits() {
        assertInvalid(params("x".repeat(1001), null, null, null, null), "q is longer");
        assertInvalid(params("x", 0, null, null, null), "size must be");
        assertInvalid(params("x", 101, null, null, null), "size must be");
        assertInvalid(params("x", 10, 9995, null, null), "from must be");
        assertInvalid(params("x", null, null, "newest", null), "sort must be one of relevance, date");
        assertInvalid(params("x", null, null, null, Collections.nCopies(21, "t").stream()
                .map(t -> t + Math.random()).toList()), "at most 20 filter values");
        assertInvalid(new SearchParams("x", null, null, null, null, null, "May 6", null, null, null, null, null,
                null, null, null, null, null), "since must be a date");
    }

    @Test
    void refusesACursorReplayedWithAnotherSortOrDuplicatesSetting() {
        String dateCursor = Cursor.offset(SearchSort.date, 10).encode();
        assertInvalid(new SearchParams("x", null, null, null, null, null, null, null, "relevance", dateCursor,
                null, null, null, null, null, null, null), "cursor was issued for sort=date");
        String afterCursor = Cursor.after(SearchSort.relevance, List.of(1.0, 2L, "a")).encode();
        assertInvalid(new SearchParams("x", null, null, null, null, null, null, null, null, afterCursor,
                null, null, null, null, null, null, null), "another duplicates setting");
    }

    /** Found by fuzzing: from + size overflowed int, slipped past the depth limit and made Elasticsearch fail. */
    @Test
    void refusesAnOffsetOrCursorSoDeepThatAddingThePageOverflows() {
        assertInvalid(params("x", 10, Integer.MAX_VALUE, null, null), "from must be");
        String deepCursor = Cursor.offset(SearchSort.relevance, Integer.MAX_VALUE).encode();
        assertInvalid(new SearchParams("x", null, null, null, null, null, null, null, null, deepCursor,
                null, 10, null, null, null, null, null), "cursor goes deeper than 10000");
    }

    /** Found by fuzzing: a cursor whose values do not match the sort keys made Elasticsearch fail (a 5xx). */
    @Test
    void refusesACursorWhoseValuesDoNotFitTheSort() {
        String twoValues = Cursor.after(SearchSort.relevance, List.of(7L, "a")).encode();
        assertInvalid(new SearchParams("x", null, null, null, null, null, null, null, null, twoValues,
                null, null, "include", null, null, null, null), "cursor is not one this API issued");
        String textWhereDateBelongs = Cursor.after(SearchSort.date, List.of("2019", "a")).encode();
        assertInvalid(new SearchParams(null, null, null, null, null, null, null, null, null, textWhereDateBelongs,
                null, null, "include", null, null, null, null), "cursor is not one this API issued");
        String issued = Cursor.after(SearchSort.relevance, List.of(1.5, 1557100800000L, "a")).encode();
        assertThat(new SearchParams("x", null, null, null, null, null, null, null, null, issued,
                null, null, "include", null, null, null, null).toRequest(LIMITS).cursor().after()).hasSize(3);
    }

    private static SearchParams params(String q, Integer size, Integer from, String sort, List<String> tags) {
        return new SearchParams(q, tags, null, null, null, null, null, null, sort, null, from, size, null, null, null, null, null);
    }

    private static SearchParams extraction(List<String> methods, String below) {
        return new SearchParams(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, methods, below);
    }

    private static void assertInvalid(SearchParams params, String message) {
        assertThatThrownBy(() -> params.toRequest(LIMITS)).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining(message);
    }
}
