package org.newsroom.query.search;

import java.time.Instant;
import java.util.List;

/**
 * Counts over all matching articles (not only the page): the top tags, entities, sources, agencies, languages
 * and extraction methods (web pages only: which path the HTML extractor took), and articles per date bucket.
 * Counts are articles, republications included.
 */
public record Facets(List<Bucket> tags, List<Bucket> entities, List<Bucket> sources, List<Bucket> agencies,
                     List<Bucket> languages, List<Bucket> extractions, List<DateBucket> published) {

    public Facets {
        tags = List.copyOf(tags);
        entities = List.copyOf(entities);
        sources = List.copyOf(sources);
        agencies = List.copyOf(agencies);
        languages = List.copyOf(languages);
        extractions = List.copyOf(extractions);
        published = List.copyOf(published);
    }

    /** A value to filter by ({@code key}, e.g. a tag id), its display label and how many matches have it. */
    public record Bucket(String key, String label, long count) {
    }

    /** Articles published in the bucket starting at {@code start}. */
    public record DateBucket(Instant start, long count) {
    }
}
