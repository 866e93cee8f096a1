package org.newsroom.enrich.entities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The people named by the articles in the window, as groups of full-name keys, so that what an article's names
 * denote is a function of the <em>set</em> of articles seen, never of the order they came in.
 *
 * <p>A full name's key joins transliteration-folded parts ({@code juan-guaido}; "Sergei" and "Sergey" fold
 * alike). Two keys are linked when they share the first key and their last keys are {@link Names#close}, or the
 * reverse; a person is a connected group of linked keys. Its id is {@code person:<key>} of the key named by the
 * most distinct articles, ties to the lexically smaller key; its shown name is the surface form the most
 * articles write, ties lexical. A lone surname denotes the person the same article names in full with that
 * surname; otherwise the group, among those with a key of that last name (or, when none, of the closest known
 * last name) that at least {@value #NAMED_IN_FULL_BY} articles name in full, that the most articles name, ties to
 * the smaller id. A surname not named so stays unresolved until it is.
 *
 * <p>Every change returns the articles whose answer it moved ({@link Revision}): a new spelling that outvotes the
 * old one renames every article of the group. Not thread-safe: the memory belongs to one task.
 */
public final class People {

    /** A person's id and shown name. */
    public record Person(String id, String name) {
    }

    /** What an article says of people: full names (as written, two or more words) and lone surnames. */
    public record Named(List<List<String>> fullNames, List<String> surnames) {

        public static final Named NONE = new Named(List.of(), List.of());

        public Named {
            fullNames = fullNames.stream().map(List::copyOf).toList();
            surnames = List.copyOf(surnames);
        }
    }

    /** Whom an article's names denote, by name key; surnames nobody has named in full are absent. */
    public record Resolution(Map<String, Person> fullNames, Map<String, Person> surnames) {

        public static final Resolution NONE = new Resolution(Map.of(), Map.of());

        public Resolution {
            fullNames = Map.copyOf(fullNames);
            surnames = Map.copyOf(surnames);
        }

        public Optional<Person> fullName(List<String> words) {
            return Optional.ofNullable(fullNames.get(key(words)));
        }

        public Optional<Person> surname(String word) {
            return Optional.ofNullable(surnames.get(Names.key(word)));
        }
    }

    /** An earlier article whose answer changed: its whole new resolution. */
    public record Revision(String articleId, Resolution resolution) {
    }

    /** This article's resolution, and the earlier articles it changed. */
    public record Seen(Resolution resolution, List<Revision> revisions) {
    }

    /** One article's facts, as remembered. */
    private record Article(Instant time, Map<String, String> fullNames, Set<String> surnames) {
    }

    private final Map<String, Article> articles = new HashMap<>();
    /** Articles by publication time, for expiry. */
    private final TreeMap<Instant, Set<String>> byTime = new TreeMap<>();
    /** Full-name key → the articles naming it. */
    private final Map<String, Set<String>> articlesByKey = new HashMap<>();
    /** Full-name key → surface form → how many articles write it so. */
    private final Map<String, Map<String, Integer>> surfaces = new HashMap<>();
    private final Map<String, Set<String>> keysByFirst = new HashMap<>();
    private final Map<String, Set<String>> keysByLast = new HashMap<>();
    /** Last keys of known full names, for close-surname lookups. */
    private final NearKeys nearLastKeys = new NearKeys();
    /** Surname key → the articles naming it alone. */
    private final Map<String, Set<String>> articlesBySurname = new HashMap<>();
    /**
     * The surnames that {@link #mayBeMisspelt may be misspelt}, to find those near a last key. A word of
     * the vocabulary only ever denotes a group with exactly its last key ({@link #surname}), which
     * {@link #surnamesNear} finds by that key: most lone capitalised words are such words, and indexing their
     * deletions was most of what {@link NearKeys} cost.
     */
    private final NearKeys nearSurnames = new NearKeys();
    /**
     * The group of each key asked for since memory last changed: an answer asks for many keys of one group (every
     * article's names, every surname's candidates), and a group is a walk over its keys.
     */
    private final Map<String, Group> groups = new HashMap<>();

    /**
     * What the words of news text tell about a lone capitalised word: {@code common}, tested on the word as written
     * (lower case), a word most news texts use ("Sales", "British", "Reuter"), which written alone is far likelier
     * that word than a surname; {@code known}, tested on a surname's key ({@link Names#key}), the key of any word of
     * the language's vocabulary, which is no misspelling of a surname. Both from a fixed vocabulary, so answers stay
     * functions of the set of articles.
     */
    public record Vocabulary(Predicate<String> common, Predicate<String> known) {

        /** No vocabulary: every lone capitalised word may be a surname, and a misspelt one. */
        public static final Vocabulary NONE = new Vocabulary(word -> false, word -> false);

        /**
         * From the words of a vocabulary (lower case) and which of them are common. The words are keyed as surnames
         * are ("money" as "monei"), so that a word of the vocabulary written as a surname is known whatever its
         * spelling folds to: tested on the plain word, a key such as "monei" was unknown and could be taken for a
         * misspelt surname.
         */
        public static Vocabulary of(Collection<String> words, Predicate<String> common) {
            Set<String> keys = new HashSet<>();
            words.forEach(word -> keys.add(Names.key(word)));
            keys.remove("");
            return new Vocabulary(common, keys::contains);
        }
    }

    private final Vocabulary vocabulary;
    /**
     * How many articles must name a person in full before a lone surname in another article is taken for them.
     * Chosen on Reuters-21578's ModApte TRAIN split (entities evaluation, service configuration): 1 gave people P
     * 0.446 R 0.932, 2 P 0.565 R 0.919, 3 P 0.60 R 0.89. A pair of capitalised words one article takes for a name
     * ("Ford Europe") rarely recurs, and many articles write its last word alone ("Europe"): with 1, those answers
     * flipped between such pairs (memory-bench: 0.80 person revisions per article; 0.31 with 2).
     */
    static final int NAMED_IN_FULL_BY = 2;

    /** Without a vocabulary ({@link Vocabulary#NONE}). */
    public People() {
        this(Vocabulary.NONE);
    }

    public People(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** People known before any article: Reuters-21578's PEOPLE list ("james-baker", "reagan"), as one article. */
    public static People reutersList() {
        People people = new People();
        List<List<String>> names = Gazetteer.lines("entities/reuters-people.txt").stream()
                .map(code -> Arrays.stream(code.split("-")).map(Names::titleCase).toList()).toList();
        people.restore("reuters-people-list", Instant.MAX, new Named(names, List.of()));
        return people;
    }

    /** The key of a full name: its parts' keys joined by '-'. */
    static String key(List<String> words) {
        return String.join("-", words.stream().map(Names::key).filter(k -> !k.isEmpty()).toList());
    }

    /**
     * Remembers what an article names (replacing what it named before, if seen already) and answers whom its
     * names denote, with the earlier articles whose answers this changed.
     */
    public Seen see(String articleId, Instant time, Named named) {
        Article old = articles.get(articleId);
        Article now = article(time, named);
        List<Revision> revisions = changing(touched(old, now), articleId, () -> {
            forget(articleId);
            remember(articleId, now);
        });
        return new Seen(resolution(articleId), revisions);
    }

    /** Remembers an article without working out revisions: rebuilding the memory from its facts after a restart. */
    public void restore(String articleId, Instant time, Named named) {
        forget(articleId);
        remember(articleId, article(time, named));
    }

    /** Forgets the articles published before {@code cutoff}, with the revisions of those that remain. */
    public List<Revision> expire(Instant cutoff) {
        List<String> old = byTime.headMap(cutoff).values().stream().flatMap(Set::stream).sorted().toList();
        if (old.isEmpty()) {
            return List.of();
        }
        Set<String> touched = new HashSet<>();
        old.forEach(id -> touched.addAll(touched(articles.get(id), null)));
        return changing(touched, null, () -> old.forEach(this::forget));
    }

    /** Whom an article's names denote now; nothing for an article not in memory. */
    public Resolution resolution(String articleId) {
        Article article = articles.get(articleId);
        if (article == null) {
            return Resolution.NONE;
        }
        Map<String, Person> full = new TreeMap<>();
        article.fullNames().keySet().forEach(k -> full.put(k, group(k).person()));
        Map<String, Person> alone = new TreeMap<>();
        for (String surname : article.surnames()) {
            ownSurname(article, surname).or(() -> surname(surname)).ifPresent(p -> alone.put(surname, p));
        }
        return new Resolution(full, alone);
    }

    public boolean remembers(String articleId) {
        return articles.containsKey(articleId);
    }

    public int size() {
        return articles.size();
    }

    private Article article(Instant time, Named named) {
        Map<String, String> full = new TreeMap<>();
        for (List<String> words : named.fullNames()) {
            String key = key(words);
            if (!key.isEmpty()) {
                full.merge(key, String.join(" ", words), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        Set<String> surnames = new TreeSet<>();
        // A common word written alone ("Sales rose", "British officials") is taken for that word, not a surname, and
        // a single letter ("S", "C" of "Series C") for no name at all:
        // reading such words as surnames made their answers flip with nearly every article (memory-bench: 2.2
        // revisions per article, most for "Reuter", "Sales", "Net", "Unit" and the like).
        named.surnames().stream().filter(word -> !vocabulary.common().test(word.toLowerCase(Locale.ROOT)))
                .map(Names::key).filter(k -> k.length() > 1).forEach(surnames::add);
        return new Article(Objects.requireNonNull(time, "time"), full, surnames);
    }

    private static Set<String> touched(Article old, Article now) {
        Set<String> keys = new HashSet<>();
        for (Article a : new Article[] {old, now}) {
            if (a != null) {
                keys.addAll(a.fullNames().keySet());
            }
        }
        return keys;
    }

    // ---- revisions ----------------------------------------------------------------------------------------------

    /**
     * Runs a change to the memory and returns the articles (other than {@code self}) whose answer it moved. Only
     * the groups of the touched keys can change, and with them only the surnames equal or close to their last keys.
     */
    private List<Revision> changing(Set<String> touched, String self, Runnable change) {
        // Before the change: the groups of the touched keys, and of the keys a new key is about to join.
        Set<String> keys = new TreeSet<>();
        for (String k : touched) {
            if (articlesByKey.containsKey(k)) {
                keys.addAll(component(k));
            } else {
                neighbours(k).forEach(n -> keys.addAll(component(n)));
            }
        }
        Map<String, Person> before = persons(keys);
        Set<String> lookedUp = new HashSet<>(keys);
        lookedUp.addAll(touched);
        Set<String> surnames = surnamesNear(lookedUp);
        Map<String, Optional<Person>> surnamesBefore = surnameAnswers(surnames);
        change.run();
        Set<String> after = new TreeSet<>(keys);
        touched.stream().filter(articlesByKey::containsKey).forEach(k -> after.addAll(component(k)));
        Map<String, Person> now = persons(after);
        // Only the keys the change brought into the groups can reach surnames not looked up already: a surname the
        // change itself added to memory is the changed article's own, whose answer is not a revision.
        Set<String> joined = new HashSet<>(after);
        joined.removeAll(lookedUp);
        surnames.addAll(surnamesNear(joined));
        Set<String> moved = new TreeSet<>();
        for (String key : after) {
            if (!Objects.equals(before.get(key), now.get(key))) {
                moved.addAll(articlesByKey.getOrDefault(key, Set.of()));
            }
        }
        Map<String, Optional<Person>> surnamesAfter = surnameAnswers(surnames);
        for (String surname : surnames) {
            if (!Objects.equals(surnamesBefore.get(surname), surnamesAfter.get(surname))) {
                moved.addAll(articlesBySurname.getOrDefault(surname, Set.of()));
            }
        }
        if (self != null) {
            moved.remove(self);
        }
        return moved.stream().map(id -> new Revision(id, resolution(id))).toList();
    }

    private Map<String, Person> persons(Set<String> keys) {
        Map<String, Person> persons = new HashMap<>();
        for (String key : keys) {
            if (articlesByKey.containsKey(key)) {
                persons.put(key, group(key).person());
            }
        }
        return persons;
    }

    /**
     * Surnames in memory whose answer a change to the groups of {@code keys} may move: those equal to one of their
     * last keys, and those close to one that may be a misspelling of it.
     */
    private Set<String> surnamesNear(Set<String> keys) {
        Set<String> lasts = new HashSet<>();
        keys.forEach(k -> lasts.add(lastKey(k)));
        Set<String> surnames = new TreeSet<>();
        for (String last : lasts) {
            if (articlesBySurname.containsKey(last)) {
                surnames.add(last);
            }
            nearSurnames.candidates(last, surname -> {
                if (Names.close(surname, last)) {
                    surnames.add(surname);
                }
            });
        }
        return surnames;
    }

    /** The answer for a surname where the article does not name its own full name with it. */
    private Map<String, Optional<Person>> surnameAnswers(Set<String> surnames) {
        Map<String, Optional<Person>> answers = new HashMap<>();
        surnames.forEach(s -> answers.put(s, surname(s)));
        return answers;
    }

    // ---- groups -------------------------------------------------------------------------------------------------

    private record Group(Person person, int articles) {
    }

    /** The keys linked to {@code key}, directly or through others. */
    private Set<String> component(String key) {
        Set<String> seen = new TreeSet<>();
        List<String> queue = new ArrayList<>(List.of(key));
        seen.add(key);
        while (!queue.isEmpty()) {
            String k = queue.removeLast();
            for (String n : neighbours(k)) {
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen;
    }

    private List<String> neighbours(String key) {
        String first = firstKey(key);
        String last = lastKey(key);
        List<String> linked = new ArrayList<>();
        for (String k : keysByFirst.getOrDefault(first, Set.of())) {
            if (!k.equals(key) && Names.close(last, lastKey(k))) {
                linked.add(k);
            }
        }
        for (String k : keysByLast.getOrDefault(last, Set.of())) {
            if (!k.equals(key) && Names.close(first, firstKey(k))) {
                linked.add(k);
            }
        }
        return linked;
    }

    private Group group(String key) {
        Group known = groups.get(key);
        if (known != null) {
            return known;
        }
        Set<String> keys = component(key);
        String id = keys.stream().min(Comparator.<String>comparingInt(k -> -articlesByKey.get(k).size())
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
        Map<String, Integer> written = new HashMap<>();
        Set<String> naming = new HashSet<>();
        for (String k : keys) {
            surfaces.getOrDefault(k, Map.of()).forEach((s, n) -> written.merge(s, n, Integer::sum));
            naming.addAll(articlesByKey.get(k));
        }
        String name = written.entrySet().stream().min(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(id);
        Group group = new Group(new Person("person:" + id, name), naming.size());
        keys.forEach(k -> groups.put(k, group)); // one group for every key of it
        return group;
    }

    /** The person the article names in full with this surname: "Lavrov" after "Sergei Lavrov". */
    private Optional<Person> ownSurname(Article article, String surname) {
        return article.fullNames().keySet().stream().filter(k -> lastKey(k).equals(surname)).sorted().findFirst()
                .map(k -> group(k).person());
    }

    /** The most-named group with a key of this last name or, when there is none, of the closest known one. */
    private Optional<Person> surname(String surname) {
        String last = keysByLast.containsKey(surname) ? surname
                : mayBeMisspelt(surname) ? closestLastKey(surname).orElse(null) : null;
        if (last == null) {
            return Optional.empty();
        }
        return keysByLast.get(last).stream().map(this::group).distinct().filter(g -> g.articles() >= NAMED_IN_FULL_BY)
                .min(Comparator.comparingInt((Group g) -> -g.articles()).thenComparing(g -> g.person().id()))
                .map(Group::person);
    }

    /** A word of the vocabulary is no misspelt surname: "French" is not "Franco", nor "Stake" "Staley". */
    private boolean mayBeMisspelt(String surname) {
        return !vocabulary.known().test(surname);
    }

    /**
     * The known last key closest to {@code key} of those it may be a {@link Names#misspelling} of, ties
     * alphabetically ({@link NearKeys} finds every one within two edits).
     */
    private Optional<String> closestLastKey(String key) {
        Set<String> candidates = new HashSet<>();
        nearLastKeys.candidates(key, candidates::add);
        return candidates.stream().filter(known -> Names.misspelling(key, known))
                .min(Comparator.<String>comparingInt(known -> Names.distance(known, key))
                        .thenComparing(Comparator.naturalOrder()));
    }

    // ---- bookkeeping --------------------------------------------------------------------------------------------

    private void remember(String id, Article article) {
        groups.clear();
        articles.put(id, article);
        byTime.computeIfAbsent(article.time(), t -> new HashSet<>()).add(id);
        article.fullNames().forEach((key, surface) -> {
            if (articlesByKey.computeIfAbsent(key, k -> new HashSet<>()).add(id)
                    && articlesByKey.get(key).size() == 1) {
                keysByFirst.computeIfAbsent(firstKey(key), k -> new HashSet<>()).add(key);
                if (keysByLast.computeIfAbsent(lastKey(key), k -> new HashSet<>()).add(key)
                        && keysByLast.get(lastKey(key)).size() == 1) {
                    nearLastKeys.add(lastKey(key));
                }
            }
            surfaces.computeIfAbsent(key, k -> new HashMap<>()).merge(surface, 1, Integer::sum);
        });
        for (String surname : article.surnames()) {
            if (articlesBySurname.computeIfAbsent(surname, k -> new HashSet<>()).add(id)
                    && articlesBySurname.get(surname).size() == 1 && mayBeMisspelt(surname)) {
                nearSurnames.add(surname);
            }
        }
    }

    private void forget(String id) {
        Article article = articles.remove(id);
        if (article == null) {
            return;
        }
        groups.clear();
        Set<String> atTime = byTime.get(article.time());
        atTime.remove(id);
        if (atTime.isEmpty()) {
            byTime.remove(article.time());
        }
        article.fullNames().forEach((key, surface) -> {
            Map<String, Integer> written = surfaces.get(key);
            if (written.merge(surface, -1, Integer::sum) == 0) {
                written.remove(surface);
            }
            Set<String> naming = articlesByKey.get(key);
            naming.remove(id);
            if (naming.isEmpty()) {
                articlesByKey.remove(key);
                surfaces.remove(key);
                removeFrom(keysByFirst, firstKey(key), key);
                if (removeFrom(keysByLast, lastKey(key), key)) {
                    nearLastKeys.remove(lastKey(key));
                }
            }
        });
        for (String surname : article.surnames()) {
            if (removeFrom(articlesBySurname, surname, id) && mayBeMisspelt(surname)) {
                nearSurnames.remove(surname);
            }
        }
    }

    /** Removes a value from a multimap; true when that emptied its key. */
    private static boolean removeFrom(Map<String, Set<String>> map, String key, String value) {
        Set<String> values = map.get(key);
        if (values == null || !values.remove(value) || !values.isEmpty()) {
            return false;
        }
        map.remove(key);
        return true;
    }

    private static String firstKey(String key) {
        int end = key.indexOf('-');
        return end < 0 ? key : key.substring(0, end);
    }

    private static String lastKey(String key) {
        return key.substring(key.lastIndexOf('-') + 1);
    }

    /** Every person in memory, by id: for tests and diagnostics. */
    Collection<Person> persons() {
        Set<Person> all = new TreeSet<>(Comparator.comparing(Person::id));
        articlesByKey.keySet().forEach(k -> all.add(group(k).person()));
        return all;
    }
}
