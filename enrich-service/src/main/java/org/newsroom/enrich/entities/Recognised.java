package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;

/**
 * What one article names, found by {@link EntityRecognizer} from its text alone: places and organisations with
 * their ids, people as written (full names and lone surnames). Whom the people are is {@link People}'s answer;
 * {@link #entities} joins the two.
 *
 * @param mentions  places, organisations and full names, in order of mention
 * @param surnames  lone capitalised words that may be a surname named in full here or elsewhere
 */
public record Recognised(List<Mention> mentions, List<String> surnames) {

    /** A known entity ({@code id} set) or a person's full name ({@code fullName} set). */
    public record Mention(String id, String name, EntityType type, String surface, List<String> fullName) {

        static Mention known(String id, String name, EntityType type, String surface) {
            return new Mention(id, name, type, surface, null);
        }

        static Mention person(List<String> words) {
            return new Mention(null, null, EntityType.person, String.join(" ", words), List.copyOf(words));
        }
    }

    public Recognised {
        mentions = List.copyOf(mentions);
        surnames = List.copyOf(surnames);
    }

    /** The people named, for {@link People#see}. */
    public People.Named named() {
        return new People.Named(mentions.stream().filter(m -> m.fullName() != null).map(Mention::fullName).toList(),
                surnames);
    }

    /**
     * The article's own entity ids, one per mention, with nothing from other articles: a person by the key of the
     * full name written here, a lone surname only when the article also names that person in full. What stories
     * compare, so a person renamed by later articles does not move stories.
     */
    public List<String> ownKeys() {
        List<String> keys = new ArrayList<>();
        Map<String, String> byLastKey = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.fullName() == null) {
                keys.add(m.id());
            } else {
                String key = People.key(m.fullName());
                keys.add("person:" + key);
                byLastKey.putIfAbsent(Names.key(m.fullName().getLast()), "person:" + key);
            }
        }
        for (String surname : surnames) {
            String own = byLastKey.get(Names.key(surname));
            if (own != null) {
                keys.add(own);
            }
        }
        return keys;
    }

    /** The article's entities, in order of first mention, with its people as {@code people} resolved them. */
    public List<Entity> entities(People.Resolution people) {
        Found found = new Found();
        for (Mention m : mentions) {
            if (m.fullName() == null) {
                found.add(m.id(), m.name(), m.type(), m.surface());
            } else {
                People.Person p = people.fullName(m.fullName())
                        .orElseGet(() -> new People.Person("person:" + People.key(m.fullName()), m.surface()));
                found.add(p.id(), p.name(), EntityType.person, m.surface());
            }
        }
        for (String surname : surnames) {
            people.surname(surname).ifPresent(p -> found.add(p.id(), p.name(), EntityType.person, surname));
        }
        return found.entities();
    }

    /** Entities of one article in order of first mention, with their surface forms and counts. */
    private static final class Found {
        private final Map<String, Entity> byId = new LinkedHashMap<>();

        void add(String id, String name, EntityType type, String surface) {
            Entity old = byId.get(id);
            Set<String> aliases = new LinkedHashSet<>(old == null ? List.of() : old.aliases());
            aliases.add(surface);
            byId.put(id, new Entity(id, name, type, List.copyOf(aliases), old == null ? 1 : old.mentions() + 1));
        }

        List<Entity> entities() {
            return List.copyOf(byId.values());
        }
    }
}
