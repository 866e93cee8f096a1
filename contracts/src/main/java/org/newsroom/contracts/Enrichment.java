package org.newsroom.contracts;

import java.util.List;
import java.util.Objects;

/** What enrichment adds to a received article; combined with it by {@link ArticleEnriched#of}. */
public record Enrichment(String enrichmentVersion, List<Tag> tags, List<Entity> entities, Dedup dedup,
                         String storyId) {

    public Enrichment {
        Objects.requireNonNull(enrichmentVersion, "enrichmentVersion");
        Objects.requireNonNull(dedup, "dedup");
        tags = tags == null ? List.of() : List.copyOf(tags);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
