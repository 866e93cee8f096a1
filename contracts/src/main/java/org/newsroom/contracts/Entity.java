package org.newsroom.contracts;

import java.util.List;
import java.util.Objects;

/**
 * A person, place or organisation named in an article, normalised to one canonical entity.
 *
 * @param id       stable id of the canonical entity
 * @param name     canonical name
 * @param type     what kind of entity it is
 * @param aliases  the surface forms seen in this article
 * @param mentions how many times it was mentioned
 */
public record Entity(String id, String name, EntityType type, List<String> aliases, int mentions) {

    public Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
