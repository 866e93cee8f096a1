package org.newsroom.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** People known before any article: Reuters-21578's PEOPLE list ("james-baker", "reagan"). */
    public static People reutersList() {
        People people = new People();
        for (String code : Gazetteer.lines("entities/reuters-people.txt")) {
            List<String> words = java.util.Arrays.stream(code.split("-")).map(w -> Names.titleCase(w)).toList();
            if (words.size() > 1) {
                people.fullName(words);
            } else {
                Person alone = new Person("person:" + Names.key(words.getFirst()), words.getFirst());
                people.byId.putIfAbsent(alone.id(), alone);
                people.idBySurname.putIfAbsent(Names.key(words.getFirst()), alone.id());
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
        }
        idBySurname.putIfAbsent(Names.key(words.getLast()), known.id());
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
            id = idBySurname.entrySet().stream().filter(e -> Names.close(e.getKey(), key))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return Optional.ofNullable(id).map(byId::get);
    }

    /** A known person whose first name matches and whose surname is a near spelling, or vice versa. */
    private Optional<Person> misspelt(List<String> words) {
        String first = Names.key(words.getFirst());
        String last = Names.key(words.getLast());
        return byId.values().stream().filter(p -> {
            String[] parts = p.id().substring("person:".length()).split("-");
            String pFirst = parts[0];
            String pLast = parts[parts.length - 1];
            return first.equals(pFirst) && Names.close(last, pLast) || last.equals(pLast) && Names.close(first, pFirst);
        }).findFirst();
    }
}
