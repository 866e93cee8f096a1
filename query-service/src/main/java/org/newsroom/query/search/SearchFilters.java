package org.newsroom.query.search;

import java.time.Instant;
import java.util.List;

/**
 * What a search is restricted to. Values of one filter are alternatives (any tag of {@code tags}); different
 * filters must all hold. A tag matches by id or label, an entity by id or name.
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

    /** How many conditions the filters hold, each value and each date bound counted once. */
    public int count() {
        return tags.size() + entities.size() + sources.size() + agencies.size() + languages.size()
                + (since == null ? 0 : 1) + (until == null ? 0 : 1);
    }
}
