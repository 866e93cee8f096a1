package org.newsroom.enrich.tagging;

import java.util.List;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.contracts.Tag;

/**
 * A tag per place the article is about, not merely mentions: named at least {@code minMentions} times
 * (counting "Russian" for Russia). Subscribers follow a country through its tag, e.g. {@code venezuela}.
 */
public final class PlaceTagger {

    public static final String SCHEME = "place";

    private final int minMentions;

    public PlaceTagger(int minMentions) {
        this.minMentions = minMentions;
    }

    public List<Tag> tags(List<Entity> entities) {
        return entities.stream()
                .filter(e -> e.type() == EntityType.place && e.mentions() >= minMentions)
                .map(e -> new Tag(e.id(), e.name(), SCHEME, Math.round(Math.min(0.99, 0.5 + 0.05 * e.mentions()) * 100) / 100.0,
                        List.of("named " + e.mentions() + " times as " + String.join(", ", e.aliases()))))
                .toList();
    }
}
