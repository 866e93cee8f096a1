package org.newsroom.query.search;

import org.newsroom.query.language.SearchFilters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.newsroom.contracts.Extraction;
import org.newsroom.query.QueryProperties;

/**
 * The query parameters of {@code GET /api/search} as they arrive, and the limits they must respect before
 * they become a {@link SearchRequest}. Every violation is an {@link InvalidSearchException} naming the
 * parameter, answered with a 400 problem.
 *
 * @param since      a date ({@code 2019-05-06}, from its start, UTC) or an instant
 * @param until      a date (up to its end, UTC) or an instant (exclusive)
 * @param duplicates {@code collapse} (default) or {@code include}
 * @param extraction the path the HTML extractor took ({@code largestBlock}, {@code jsonLd}, ...), ignoring case
 * @param extractionConfidenceBelow only articles whose extraction confidence is under this number (0 to 1)
 */
public record SearchParams(String q, List<String> tag, List<String> entity, List<String> source,
                           List<String> agency, List<String> language, String since, String until, String sort,
                           String cursor, Integer from, Integer size, String duplicates, Boolean facets,
                           String interval, List<String> extraction, String extractionConfidenceBelow) {

    static final int MAX_VALUE_LENGTH = 200;
    static final int MAX_CURSOR_LENGTH = 1000;

    public SearchRequest toRequest(QueryProperties limits) {
        if (q != null && q.length() > limits.maxQueryLength()) {
            throw new InvalidSearchException("q is longer than " + limits.maxQueryLength() + " characters");
        }
        int pageSize = size == null ? 10 : size;
        int offset = from == null ? 0 : from;
        if (pageSize < 1 || pageSize > limits.maxPageSize()) {
            throw new InvalidSearchException("size must be between 1 and " + limits.maxPageSize());
        }
        SearchFilters filters = new SearchFilters(values("tag", tag), values("entity", entity),
                values("source", source), values("agency", agency), values("language", language),
                date("since", since, false), date("until", until, true), extractionMethods(),
                refusedAsInvalid(() -> SearchFilters.extractionConfidenceBelow(extractionConfidenceBelow)));
        if (filters.count() > limits.maxFilters()) {
            throw new InvalidSearchException("at most " + limits.maxFilters() + " filter values may be combined");
        }
        SearchSort order = choice("sort", sort, SearchSort.relevance, SearchSort.values());
        Cursor position = cursor(order, limits, pageSize, offset);
        boolean collapse = !"include".equals(choice("duplicates", duplicates, "collapse", "collapse", "include"));
        if (position != null && position.isOffset() != collapse) {
            throw new InvalidSearchException("cursor was issued for another duplicates setting");
        }
        String bucket = interval == null ? "day" : interval;
        if (!FacetAggregations.isInterval(bucket)) {
            throw new InvalidSearchException("interval must be one of hour, day, week, month, year");
        }
        return new SearchRequest(q, filters, order, offset, pageSize, position, collapse,
                facets == null || facets, bucket);
    }

    private Cursor cursor(SearchSort order, QueryProperties limits, int pageSize, int offset) {
        if (cursor == null || cursor.isBlank()) {
            // Summed as longs: from=2147483647 would overflow int, pass the check and reach Elasticsearch (found by fuzzing).
            if (offset < 0 || (long) offset + pageSize > limits.maxFrom()) {
                throw new InvalidSearchException("from must be at least 0 and from + size at most " + limits.maxFrom());
            }
            return null;
        }
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw new InvalidSearchException("cursor is not one this API issued");
        }
        Cursor decoded = Cursor.decode(cursor);
        SearchSort effective = q == null || q.isBlank() ? SearchSort.date : order;
        if (decoded.sort() != effective) {
            throw new InvalidSearchException("cursor was issued for sort=" + decoded.sort());
        }
        if (decoded.offset() < 0 || (long) decoded.offset() + pageSize > limits.maxFrom()) {
            throw new InvalidSearchException("cursor goes deeper than " + limits.maxFrom() + " results");
        }
        if (!decoded.isOffset() && !fitsSort(decoded.after(), effective)) {
            throw new InvalidSearchException("cursor is not one this API issued");
        }
        return decoded;
    }

    /**
     * Whether search_after values match the sort keys ({@link SearchQueries#sort}): numbers for score and date,
     * the article id last. Elasticsearch fails on any other shape, which would surface as a 5xx (found by fuzzing).
     */
    private static boolean fitsSort(List<Object> after, SearchSort sort) {
        int keys = SearchQueries.sort(sort).size();
        return after.size() == keys && after.getLast() instanceof String
                && after.subList(0, keys - 1).stream().allMatch(Number.class::isInstance);
    }

    private static List<String> values(String name, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> cleaned = values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (cleaned.stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH)) {
            throw new InvalidSearchException(name + " values must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        return cleaned;
    }

    private List<Extraction.Method> extractionMethods() {
        return values("extraction", extraction).stream()
                .map(name -> refusedAsInvalid(() -> SearchFilters.extractionMethod(name))).toList();
    }

    private static <T> T refusedAsInvalid(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException(e.getMessage());
        }
    }

    private static Instant date(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(name + " must be a date (2019-05-06) or an instant (2019-05-06T10:00:00Z)");
        }
    }

    @SafeVarargs
    private static <T> T choice(String name, String value, T fallback, T... allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Stream.of(allowed).filter(a -> a.toString().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidSearchException(name + " must be one of "
                        + String.join(", ", Stream.of(allowed).map(String::valueOf).toList())));
    }
}
