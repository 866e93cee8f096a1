package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.newsroom.query.QueryProperties;
import org.newsroom.query.language.NewsQuery;

/**
 * Fuzz tests (Jazzer) of the search API's parameters: whatever arrives, {@link SearchParams#toRequest} either
 * refuses it with {@link InvalidSearchException} or returns a request inside every limit (page size, depth,
 * filters, query length, a cursor that fits the sort), whose Elasticsearch query then builds and serialises. Cursors either decode to
 * one that encodes back to itself or are refused. Regression mode replays {@code SearchParamsFuzzTestsInputs}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SearchParamsFuzzTests {

    private static final QueryProperties LIMITS = QueryProperties.forAlias("articles");
    private static final Jackson3JsonpMapper JSONP = new Jackson3JsonpMapper();
    private static final Integer[] EDGES = {-1, 0, 1, 100, 101, 9_999, 10_000, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE};

    @FuzzTest
    void searchParametersBecomeABoundedQueryOrAClearRefusal(FuzzedDataProvider data) {
        SearchParams params = new SearchParams(text(data, 1_200), values(data), values(data), values(data),
                values(data), values(data), text(data, 30), text(data, 30), text(data, 12), cursor(data),
                number(data), number(data), text(data, 10), data.consumeBoolean() ? data.consumeBoolean() : null,
                text(data, 8), values(data), text(data, 8));
        SearchRequest request;
        try {
            request = params.toRequest(LIMITS);
        } catch (InvalidSearchException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(request.size()).isBetween(1, LIMITS.maxPageSize());
        long offset = request.cursor() == null ? request.from() : request.cursor().offset();
        assertThat(offset).as("offset").isNotNegative();
        assertThat(offset + request.size()).as("depth").isLessThanOrEqualTo(LIMITS.maxFrom());
        assertThat(request.filters().count()).isLessThanOrEqualTo(LIMITS.maxFilters());
        if (request.query() != null) {
            assertThat(request.query().length()).isLessThanOrEqualTo(LIMITS.maxQueryLength());
            // parsing never fails, whatever the text (it is rendered to JSON below)
            assertThat(NewsQuery.parse(request.query(), request.filters()).clause()).isNotNull();
        }
        if (request.cursor() != null && !request.cursor().isOffset()) {
            // Elasticsearch refuses search_after values that do not match the sort (one per key: numbers for
            // score and date, the article id last); such a cursor must be refused here, not fail there.
            List<Object> after = request.cursor().after();
            assertThat(after).hasSameSizeAs(SearchQueries.sort(request.effectiveSort()));
            assertThat(after.getLast()).isInstanceOf(String.class);
            assertThat(after.subList(0, after.size() - 1)).allMatch(Number.class::isInstance);
        }
        assertThat(JsonpUtils.toJsonString(SearchQueries.search("articles", request), JSONP)).isNotBlank();
    }

    /** The fuzzer writes the text inside the base64 (raw strings almost never get past the decoding). */
    @FuzzTest
    void cursorsDecodeToThemselvesOrAreRefused(byte[] text) {
        Cursor cursor;
        try {
            cursor = Cursor.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(text));
        } catch (InvalidSearchException e) {
            return;
        }
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    private static String text(FuzzedDataProvider data, int max) {
        return data.consumeBoolean() ? data.consumeString(max) : null;
    }

    private static List<String> values(FuzzedDataProvider data) {
        if (!data.consumeBoolean()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = data.consumeInt(0, 25); i > 0; i--) {
            values.add(data.consumeString(250));
        }
        return values;
    }

    /** Often a value at an edge of the limits or of int itself, where off-by-one and overflow bugs live. */
    private static Integer number(FuzzedDataProvider data) {
        if (!data.consumeBoolean()) {
            return null;
        }
        return data.consumeBoolean() ? data.pickValue(EDGES) : data.consumeInt();
    }

    /** Half the time a cursor this API could have issued, so the checks behind decoding get exercised too. */
    private static String cursor(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return text(data, 200);
        }
        SearchSort sort = data.pickValue(SearchSort.values());
        if (data.consumeBoolean()) {
            return Cursor.offset(sort, data.consumeBoolean() ? data.pickValue(EDGES) : data.consumeInt()).encode();
        }
        List<Object> after = data.consumeBoolean() ? List.of(data.consumeLong(), data.consumeString(40))
                : List.of(data.consumeRegularDouble(), data.consumeLong(), data.consumeString(40));
        return Cursor.after(sort, after).encode();
    }
}
