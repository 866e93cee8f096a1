package org.newsroom.query.search;

import java.time.Instant;
import java.util.List;

/**
 * All articles enrichment assigned to one story, oldest first, republications included (each says what it
 * is in {@code dedup}), with the span of time and the sources that covered it.
 */
public record Story(String storyId, long total, Instant firstPublishedAt, Instant lastPublishedAt,
                    List<Facets.Bucket> sources, List<ArticleHit> articles) {

    public Story {
        sources = List.copyOf(sources);
        articles = List.copyOf(articles);
    }
}
