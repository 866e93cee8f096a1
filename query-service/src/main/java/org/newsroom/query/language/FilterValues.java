package org.newsroom.query.language;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.newsroom.contracts.Extraction;

/**
 * The filters a saved search or a live stream takes, one value or none (null) each. They are listed here once, so
 * that saved searches, their requests and live streams hold, check and match the same ones when a filter is added.
 * The constructor checks nothing: each entry point refuses bad values in its own way (all problems listed, or the
 * first thrown), and a saved search stored with a value refused today must still read back, or listing every saved
 * search would fail.
 */
public record FilterValues(String tag, String source, String agency, String language,
                           Extraction.Method extraction, Double extractionConfidenceBelow) {

    public static final FilterValues NONE = new FilterValues(null, null, null, null, null, null);

    /** The filters' names, as requests, stored saved searches and their error messages spell them. */
    public static final List<String> NAMES = Stream.of(FilterValues.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    @JsonIgnore // a saved search's JSON, which unwraps these, holds the filters' keys only, not "empty"
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** These filters with {@code clean(name, value)} in place of each text filter's value (names as {@link #NAMES}). */
    public FilterValues withText(BinaryOperator<String> clean) {
        return new FilterValues(clean.apply("tag", tag), clean.apply("source", source), clean.apply("agency", agency),
                clean.apply("language", language), extraction, extractionConfidenceBelow);
    }

    /** These filters in the query model search, saved searches and live streams share. */
    public SearchFilters toSearchFilters() {
        return new SearchFilters(listOf(tag), null, listOf(source), listOf(agency), listOf(language), null, null,
                listOf(extraction), extractionConfidenceBelow);
    }

    private static <T> List<T> listOf(T value) {
        return value == null ? List.of() : List.of(value);
    }
}
