package org.newsroom.query.language;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.newsroom.contracts.Extraction;

/**
 * What a query is restricted to, in search, saved searches and live streams alike. Values of one filter are
 * alternatives (any tag of {@code tags}); different filters must all hold. A tag matches by id or label, an
 * entity by id or name; values compare ignoring case ({@link ArticleFields#normalise}). The extraction filters
 * find weak extractions of web pages: articles from other formats have no extraction and never match them.
 *
 * @param since                     published at or after, inclusive
 * @param until                     published before, exclusive
 * @param extractionMethods         the path the HTML extractor took ({@code extraction.method}), any of them
 * @param extractionConfidenceBelow the extractor's confidence ({@code extraction.confidence}) under this, exclusive
 */
public record SearchFilters(List<String> tags, List<String> entities, List<String> sources, List<String> agencies,
                            List<String> languages, Instant since, Instant until,
                            List<Extraction.Method> extractionMethods, Double extractionConfidenceBelow) {

    public static final SearchFilters NONE = new SearchFilters(null, null, null, null, null, null, null, null, null);

    public SearchFilters {
        tags = tags == null ? List.of() : List.copyOf(tags);
        entities = entities == null ? List.of() : List.copyOf(entities);
        sources = sources == null ? List.of() : List.copyOf(sources);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        languages = languages == null ? List.of() : List.copyOf(languages);
        extractionMethods = extractionMethods == null ? List.of() : extractionMethods.stream().distinct().toList();
        extractionConfidenceBelow = extractionConfidenceBelow(extractionConfidenceBelow);
    }

    /**
     * The extraction method {@code name} stands for, ignoring case; null for blank. Every entry point (search
     * parameters, saved searches, live streams) reads the value with this, so all refuse the same names.
     *
     * @throws IllegalArgumentException naming the methods there are
     */
    public static Extraction.Method extractionMethod(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Stream.of(Extraction.Method.values())
                .filter(m -> m.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("extraction must be one of "
                        + String.join(", ", Stream.of(Extraction.Method.values()).map(Enum::name).toList())));
    }

    /**
     * A confidence bound as a parameter gives it ({@code 0.5}); null for blank.
     *
     * @throws IllegalArgumentException when it is not a number from 0 to 1
     */
    public static Double extractionConfidenceBelow(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return extractionConfidenceBelow(Double.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            return extractionConfidenceBelow(Double.NaN);
        }
    }

    /**
     * {@code bound} if it is a confidence bound (0 to 1) or null.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static Double extractionConfidenceBelow(Double bound) {
        if (bound != null && !(bound >= 0 && bound <= 1)) {
            throw new IllegalArgumentException("extractionConfidenceBelow must be a number from 0 to 1");
        }
        return bound;
    }

    /** How many conditions the filters hold, each value and each bound counted once. */
    public int count() {
        return tags.size() + entities.size() + sources.size() + agencies.size() + languages.size()
                + (since == null ? 0 : 1) + (until == null ? 0 : 1) + extractionMethods.size()
                + (extractionConfidenceBelow == null ? 0 : 1);
    }
}
