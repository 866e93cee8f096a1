package org.newsroom.query.language;

import java.time.Instant;
import java.util.List;

/**
 * What a query is restricted to, in search, saved searches and live streams alike. Values of one filter are
 * alternatives (any tag of {@code tags}); different filters must all hold. A tag matches by id or label, an
 * entity by id or name; values compare ignoring case ({@link ArticleFields#normalise}).
 *
 * @param since published at or after, inclusive
 * @param until published before, exclusive
 */
public record SearchFilters(List<String> tags, List<String> entities, List<String> sources, List<String> agencies,
                            List<String> languages, Instant since, Instant until) {

    public static final SearchFilters NONE = new SearchFilters(null, null, null, null, null, null, null);

    public SearchFilters {
        tags = tags == null ? List.of() : List.copyOf(tags);
        entities = entities == null ? List.of() : List.copyOf(entities);
        sources = sources == null ? List.of() : List.copyOf(sources);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** One value or none (null) per filter, as saved searches and live streams take them. */
    public static SearchFilters of(String tag, String source, String agency, String language) {
        return new SearchFilters(listOf(tag), null, listOf(source), listOf(agency), listOf(language), null, null);
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** How many conditions the filters hold, each value and each date bound counted once. */
    public int count() {
        return tags.size() + entities.size() + sources.size() + agencies.size() + languages.size()
                + (since == null ? 0 : 1) + (until == null ? 0 : 1);
    }
}
