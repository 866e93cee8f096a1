package org.newsroom.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsroom.contracts.EntityType;
import org.newsroom.enrich.normalising.Slugs;

/**
 * Known places and organisations by every name they go by: ISO 3166 country names and tz-database cities
 * from the JDK, Reuters-21578's PLACES and ORGS lists, and the variants in {@code entities/aliases.txt}; and the
 * adjectives of peoples, regions and parties in {@code entities/adjectives.txt}, which name no one.
 */
public final class Gazetteer {

    /** A canonical entity; {@code reutersCode} is its Reuters-21578 label where it has one. */
    public record Known(String id, String name, EntityType type, String reutersCode) {
    }

    /** tz regions whose zones are named after cities ("Europe/Moscow"); not "US/Eastern" and the like. */
    private static final Set<String> CITY_REGIONS = Set.of("Africa", "America", "Asia", "Atlantic", "Europe",
            "Indian", "Pacific");

    private final Map<String, Known> byName = new HashMap<>();
    private final Map<String, Known> byReutersCode = new HashMap<>();
    /** Acronyms ("UN", "EC") name the entity only in capitals: "Un" or "ec" in a name do not. */
    private final Set<String> capitalsOnly = new HashSet<>();
    /** A capital city's country: Reuters labels the country of a story datelined in its capital. */
    private final Map<String, Known> countryOfCapital = new HashMap<>();
    /** "British", "Western", "Republican": adjectives no place is found by, and no part of a person's name. */
    private final Set<String> adjectives = new HashSet<>();

    public static Gazetteer bundled() {
        Gazetteer g = new Gazetteer();
        for (String iso : Locale.getISOCountries()) {
            g.add(Locale.of("", iso).getDisplayCountry(Locale.ENGLISH), EntityType.place, null);
        }
        for (String zone : ZoneId.getAvailableZoneIds()) {
            String[] parts = zone.split("/");
            if (parts.length == 2 && CITY_REGIONS.contains(parts[0])) {
                g.add(parts[1].replace('_', ' '), EntityType.place, null);
            }
        }
        g.aliases(lines("entities/aliases.txt"));
        g.capitals(lines("entities/capitals.txt"));
        lines("entities/reuters-places.txt").forEach(code -> g.addCode(code, EntityType.place));
        lines("entities/reuters-orgs.txt").forEach(code -> g.addCode(code, EntityType.organisation));
        lines("entities/adjectives.txt").forEach(word -> g.adjectives.add(key(word)));
        return g;
    }

    public Optional<Known> find(String name) {
        String key = key(name);
        if (capitalsOnly.contains(key) && !name.equals(name.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(key));
    }

    /** Whether a word is an adjective of a people, region or party ("French", "Western", "Democrat"). */
    boolean adjective(String word) {
        return adjectives.contains(key(word));
    }

    /** The country whose capital {@code id} is, if it is one. */
    public Optional<Known> countryOfCapital(String id) {
        return Optional.ofNullable(countryOfCapital.get(id));
    }

    /** The Reuters-21578 label of an entity id, e.g. {@code usa} for {@code place:united-states}. */
    public Optional<String> reutersCodeOf(String id) {
        return byReutersCode.values().stream().filter(k -> k.id().equals(id)).map(Known::reutersCode).findFirst();
    }

    public Optional<Known> byReutersCode(String code) {
        return Optional.ofNullable(byReutersCode.get(code));
    }

    private void aliases(List<String> lines) {
        for (String line : lines) {
            String[] f = line.split("\\|");
            EntityType type = EntityType.valueOf(f[0].strip());
            String code = f[1].strip().equals("-") ? null : f[1].strip();
            Known known = add(f[2].strip(), type, code);
            for (int i = 3; i < f.length; i++) {
                String alias = f[i].strip();
                byName.put(key(alias), known);
                if (alias.length() <= 6 && alias.equals(alias.toUpperCase(Locale.ROOT))) {
                    capitalsOnly.add(key(alias));
                }
            }
        }
    }

    private void capitals(List<String> lines) {
        for (String line : lines) {
            String[] f = line.split("\\|");
            Optional<Known> country = find(f[1].strip());
            Known city = add(f[0].strip(), EntityType.place, null);
            country.ifPresent(c -> countryOfCapital.put(city.id(), c));
        }
    }

    private Known add(String name, EntityType type, String code) {
        Known known = byName.computeIfAbsent(key(name),
                k -> new Known(type + ":" + Slugs.of(name), name, type, code));
        if (code != null && known.reutersCode() == null) {
            known = new Known(known.id(), known.name(), type, code);
            byName.put(key(name), known);
        }
        if (known.reutersCode() != null) {
            byReutersCode.putIfAbsent(known.reutersCode(), known);
        }
        return known;
    }

    /** A Reuters code not joined by an alias: "west-germany" reads as West Germany, "opec" as OPEC. */
    private void addCode(String code, EntityType type) {
        if (code.isBlank() || byReutersCode.containsKey(code)) {
            return;
        }
        String name = type == EntityType.organisation ? code.toUpperCase(Locale.ROOT)
                : Names.titleCase(code.replace('-', ' '));
        add(name, type, code);
        if (type == EntityType.organisation) {
            capitalsOnly.add(key(name));
        }
    }

    private static String key(String name) {
        return Names.lookupKey(name).strip();
    }

    static List<String> lines(String resource) {
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
