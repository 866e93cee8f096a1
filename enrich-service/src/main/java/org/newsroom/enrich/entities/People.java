package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * People seen so far, by stable id ({@code person:<first>-<last>} of transliteration-folded name keys), so
 * "Sergei Lavrov" and "Sergey Lavrov" are one person, "Juan Gudaio" is taken for the known "Juan Guaido",
 * and "Lavrov" alone resolves once the full name has been seen. In-memory: per enrich instance.
 */
public final class People {

    /** A person's id and the name first seen for them, the one shown. */
    public record Person(String id, String name) {
    }

    private final Map<String, Person> byId = new HashMap<>();
    private final Map<String, String> idBySurname = new HashMap<>();
    private final Map<String, Map<String, Integer>> spellings = new HashMap<>();
    // Indexes for the spelling-tolerant lookups, so each costs the same however many people are known (a scan
    // with an edit distance per known person was most of enrichment's time after a few thousand articles).
    private final Map<String, List<String>> idsByFirstKey = new HashMap<>();
    private final Map<String, List<String>> idsByLastKey = new HashMap<>();
    private final Map<String, List<String>> surnamesByDeletion = new HashMap<>();

    /** People known before any article: Reuters-21578's PEOPLE list ("james-baker", "reagan"). */
    public static People reutersList() {
        People people = new People();
        for (String code : Gazetteer.lines("entities/reuters-people.txt")) {
            List<String> words = java.util.Arrays.stream(code.split("-")).map(w -> Names.titleCase(w)).toList();
            if (words.size() > 1) {
                people.fullName(words);
            } else {
                Person alone = new Person("person:" + Names.key(words.getFirst()), words.getFirst());
                if (people.byId.putIfAbsent(alone.id(), alone) == null) {
                    people.indexId(alone.id());
                }
                people.addSurname(Names.key(words.getFirst()), alone.id());
            }
        }
        return people;
    }

    /** The person a full name (two or more words) denotes, registering it when new. */
    synchronized Person fullName(List<String> words) {
        String id = "person:" + String.join("-", words.stream().map(Names::key).toList());
        Person known = byId.get(id);
        if (known == null) {
            known = misspelt(words).orElse(null);
        }
        if (known == null) {
            known = new Person(id, String.join(" ", words));
            byId.put(id, known);
            indexId(id);
        }
        addSurname(Names.key(words.getLast()), known.id());
        return mostSpelt(known, String.join(" ", words));
    }

    /** The spelling seen most often becomes the shown name; the id never changes. */
    private Person mostSpelt(Person person, String spelling) {
        Map<String, Integer> counts = spellings.computeIfAbsent(person.id(), k -> new HashMap<>());
        counts.merge(spelling, 1, Integer::sum);
        String name = person.name();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > counts.getOrDefault(name, 0)) {
                name = e.getKey();
            }
        }
        Person shown = new Person(person.id(), name);
        byId.put(person.id(), shown);
        return shown;
    }

    /** The person a lone surname denotes, if a full name with that surname has been seen. */
    synchronized Optional<Person> surname(String word) {
        String key = Names.key(word);
        String id = idBySurname.get(key);
        if (id == null) {
            id = nearSurname(key).map(idBySurname::get).orElse(null);
        }
        return Optional.ofNullable(id).map(byId::get);
    }

    /**
     * The known surname closest to {@code key} within {@link Names#close}, ties alphabetically. Two keys within
     * two edits share a string reachable from each by at most two deletions (a substitution or transposition
     * is one deletion on each side), so looking up the key's own deletions finds every candidate.
     */
    private Optional<String> nearSurname(String key) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String deletion : deletions(key)) {
            candidates.addAll(surnamesByDeletion.getOrDefault(deletion, List.of()));
        }
        return candidates.stream().filter(known -> Names.close(known, key))
                .min(Comparator.<String>comparingInt(known -> Names.distance(known, key))
                        .thenComparing(Comparator.naturalOrder()));
    }

    private void addSurname(String key, String id) {
        if (idBySurname.putIfAbsent(key, id) == null) {
            for (String deletion : deletions(key)) {
                surnamesByDeletion.computeIfAbsent(deletion, k -> new ArrayList<>(1)).add(key);
            }
        }
    }

    /** The key itself and every string made by deleting one or two of its letters. */
    private static Set<String> deletions(String key) {
        Set<String> deletions = new LinkedHashSet<>();
        deletions.add(key);
        for (int i = 0; i < key.length(); i++) {
            String once = key.substring(0, i) + key.substring(i + 1);
            deletions.add(once);
            for (int j = i; j < once.length(); j++) {
                deletions.add(once.substring(0, j) + once.substring(j + 1));
            }
        }
        return deletions;
    }

    private void indexId(String id) {
        idsByFirstKey.computeIfAbsent(firstKey(id), k -> new ArrayList<>(1)).add(id);
        idsByLastKey.computeIfAbsent(lastKey(id), k -> new ArrayList<>(1)).add(id);
    }

    /** The first name's key in an id: {@code person:<first>-...-<last>}. */
    private static String firstKey(String id) {
        int end = id.indexOf('-');
        return id.substring("person:".length(), end < 0 ? id.length() : end);
    }

    private static String lastKey(String id) {
        return id.substring(Math.max(id.lastIndexOf('-') + 1, "person:".length()));
    }

    /** A known person whose first name matches and whose surname is a near spelling, or vice versa. */
    private Optional<Person> misspelt(List<String> words) {
        String first = Names.key(words.getFirst());
        String last = Names.key(words.getLast());
        Optional<String> sameFirst = idsByFirstKey.getOrDefault(first, List.of()).stream()
                .filter(id -> Names.close(last, lastKey(id))).findFirst();
        return sameFirst.or(() -> idsByLastKey.getOrDefault(last, List.of()).stream()
                .filter(id -> Names.close(first, firstKey(id))).findFirst()).map(byId::get);
    }
}
