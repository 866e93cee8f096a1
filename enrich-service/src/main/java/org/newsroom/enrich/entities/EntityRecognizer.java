package org.newsroom.enrich.entities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.enrich.normalising.Slugs;

/**
 * Finds the people, places and organisations an article names. Places and organisations come from the
 * {@link Gazetteer} (nationality adjectives count for their country); a run of unknown capitalised words
 * is an organisation when it ends in an organisation word, and a person when a title precedes it, a reporting
 * verb follows it or its surname recurs alone, unless a word of it says it is no one's name ({@link NameWords},
 * adjectives of peoples and parties). Who the people are is not decided here: {@link Recognised} holds the names
 * as written, and {@link People}, the memory of what other articles named, resolves them.
 */
public final class EntityRecognizer {

    private static final Pattern HYPHEN_LOWER = Pattern.compile("-\\p{Ll}");

    private final Gazetteer gazetteer;
    private final People.Vocabulary vocabulary;

    /** Without a vocabulary: any capitalised words may be a name. */
    public EntityRecognizer(Gazetteer gazetteer) {
        this(gazetteer, People.Vocabulary.NONE);
    }

    /** @param vocabulary which words are common in news text ({@link People.Vocabulary#common}): no part of a name */
    public EntityRecognizer(Gazetteer gazetteer, People.Vocabulary vocabulary) {
        this.gazetteer = gazetteer;
        this.vocabulary = vocabulary;
    }

    /**
     * The recognizer enrich-service runs: the bundled gazetteer and the vocabulary people's memory uses; people are
     * learnt from the articles as they come, in the memory task's {@link People}, never known in advance. The
     * evaluation measures this one.
     */
    public static EntityRecognizer asTheServiceRuns(People.Vocabulary vocabulary) {
        return new EntityRecognizer(Gazetteer.bundled(), vocabulary);
    }

    /** The entities of one article, its people resolved by {@code people} (which remembers the article). */
    public List<Entity> entities(String articleId, Instant time, String headline, List<String> paragraphs,
                                 People people) {
        Recognised recognised = recognise(headline, paragraphs);
        return recognised.entities(people.see(articleId, time, recognised.named()).resolution());
    }

    /** What an article names, in order of first mention, with its people as written. */
    public Recognised recognise(String headline, List<String> paragraphs) {
        List<String> texts = new ArrayList<>();
        texts.add(headline == null ? "" : headline);
        texts.addAll(paragraphs);
        List<Mentions.Run> runs = new ArrayList<>();
        List<String> mixedCase = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            // A headline In Title Case or a line IN CAPITALS capitalises every word: its runs say nothing of names.
            if (i == 0 ? Mentions.isTitleCase(text) : Mentions.inCapitals(text)) {
                runs.addAll(Mentions.wordsInCapitals(text));
            } else {
                runs.addAll(Mentions.in(text));
                mixedCase.add(text);
            }
        }
        // A word of text in capitals that the article writes in lower case elsewhere is that word, not a name
        // (unless the gazetteer knows it): alone, "ECONOMY" or "BOND" of a Reuters headline were surnames waiting
        // for any "National Economy".
        runs.removeIf(r -> r.inCapitals() && Mentions.writtenInLowerCase(r.words().getFirst(), mixedCase)
                && known(r.words(), 0).isEmpty());
        Set<String> loneWords = new HashSet<>();
        runs.stream().filter(r -> r.words().size() == 1).forEach(r -> loneWords.add(Names.key(r.words().getFirst())));
        List<Recognised.Mention> found = new ArrayList<>();
        List<String> pendingSurnames = new ArrayList<>();
        for (Mentions.Run run : runs) {
            read(run, loneWords, found, pendingSurnames);
        }
        shortNames(found, pendingSurnames);
        return new Recognised(found, pendingSurnames);
    }

    /**
     * A company the article names in full is what its first words denote there: "Hughes Tool said" after "Hughes
     * Tool Co", "Salomon Brothers said" after "Salomon Brothers Inc", "a Dome spokesman" after "Dome Mines Ltd".
     */
    private static void shortNames(List<Recognised.Mention> found, List<String> pendingSurnames) {
        // Each organisation's words as keys, worked out once: every mention is compared with every organisation.
        List<Organisation> organisations = found.stream()
                .filter(m -> m.type() == EntityType.organisation && m.surface().indexOf(' ') > 0)
                .map(o -> new Organisation(o, Arrays.stream(o.surface().split(" ")).map(Names::key).toList()))
                .toList();
        if (organisations.isEmpty()) {
            return;
        }
        found.replaceAll(m -> {
            if (m.fullName() == null) {
                return m;
            }
            List<String> name = m.fullName().stream().map(Names::key).toList();
            return organisations.stream().filter(o -> o.startsWith(name)).findFirst()
                    .map(o -> Recognised.Mention.known(o.mention().id(), o.mention().name(), o.mention().type(),
                            m.surface())).orElse(m);
        });
        pendingSurnames.removeIf(word -> {
            List<String> name = List.of(Names.key(word));
            return organisations.stream().anyMatch(o -> o.startsWith(name));
        });
    }

    /** An organisation the article names, with its words' keys. */
    private record Organisation(Recognised.Mention mention, List<String> keys) {

        /** Whether its name goes on past {@code name}'s words, which start it (as keys). */
        boolean startsWith(List<String> name) {
            return keys.size() > name.size() && keys.subList(0, name.size()).equals(name);
        }
    }

    private void read(Mentions.Run run, Set<String> loneWords, List<Recognised.Mention> found, List<String> pendingSurnames) {
        List<String> words = run.words();
        List<String> name = new ArrayList<>();
        String before = run.before();
        int i = 0;
        while (i < words.size()) {
            Optional<Match> known = known(words, i);
            if (known.isPresent()) {
                name(name, before, words.get(i), loneWords, found, pendingSurnames);
                name = new ArrayList<>();
                Gazetteer.Known entity = known.get().entity();
                found.add(Recognised.Mention.known(entity.id(), entity.name(), entity.type(),
                        String.join(" ", words.subList(i, i + known.get().length()))));
                before = words.get(i + known.get().length() - 1);
                i += known.get().length();
            } else if (droppable(words.get(i), i == 0 && run.sentenceStart(), run.inCapitals())) {
                name(name, before, words.get(i), loneWords, found, pendingSurnames);
                name = new ArrayList<>();
                before = words.get(i++);
            } else {
                name.add(words.get(i++));
                // An organisation's name ends at its (last) organisation word: "Saudi Press Agency SPA", "Exxon Corp
                // Exxon".
                if (i < words.size() && name.size() > 1 && NameWords.ORGANISATION_HEADS.contains(fold(name.getLast()))
                        && !NameWords.ORGANISATION_HEADS.contains(fold(words.get(i)))
                        && !Mentions.CONNECTORS_OF.contains(words.get(i))) {
                    name(name, before, words.get(i), loneWords, found, pendingSurnames);
                    before = name.getLast();
                    name = new ArrayList<>();
                }
            }
        }
        name(name, before, run.after(), loneWords, found, pendingSurnames);
    }

    private void name(List<String> words, String before, String after, Set<String> loneWords,
                      List<Recognised.Mention> found, List<String> pendingSurnames) {
        while (!words.isEmpty() && Mentions.CONNECTORS_OF.contains(words.getLast())) {
            words = words.subList(0, words.size() - 1);
        }
        if (words.isEmpty()) {
            return;
        }
        String surface = String.join(" ", words);
        String last = fold(words.getLast());
        if (NameWords.ORGANISATION_HEADS.contains(last) && words.size() > 1) {
            found.add(Recognised.Mention.known("organisation:" + Slugs.of(surface), surface, EntityType.organisation, surface));
            return;
        }
        // A name ending in a common word is a thing's, not a person's ("Mana Said", "Lucky Stores"): taken for
        // people, such pairs were what a lone "Said" or "Stores" in other articles resolved to, and those answers
        // flipped with every article that named another such pair. So is one ending in a place's or a thing's word
        // ("Persian Gulf", "Tax Reform Act"), and one with an adjective of a people or party ("Best British",
        // "Oklahoma Republican"), which alone is no surname either.
        if (words.size() > 1 && (common(words.getLast()) || NameWords.THING_HEADS.contains(last)
                || NameWords.NO_PERSON_LEADS.contains(fold(words.getFirst())))
                || words.stream().anyMatch(gazetteer::adjective)) {
            return;
        }
        if (words.size() == 1) {
            pendingSurnames.add(words.getFirst());
        } else if (words.size() <= 4 && (NameWords.PERSON_CUES.contains(fold(before))
                || NameWords.REPORTING.contains(fold(after))
                || loneWords.contains(Names.key(words.getLast())))) {
            found.add(Recognised.Mention.person(words));
        }
    }

    private boolean common(String word) {
        return vocabulary.common().test(word.toLowerCase(Locale.ROOT));
    }

    private record Match(Gazetteer.Known entity, int length) {
    }

    /** The longest gazetteer name starting at {@code i}, or a nationality adjective. */
    private Optional<Match> known(List<String> words, int i) {
        for (int j = Math.min(words.size(), i + 6); j > i; j--) {
            String span = String.join(" ", words.subList(i, j));
            Optional<Gazetteer.Known> k = gazetteer.find(span).or(() -> nationality(span));
            if (k.isPresent()) {
                return Optional.of(new Match(k.get(), j - i));
            }
        }
        return Optional.empty();
    }

    /** "Russian" → Russia, "Iraqi" → Iraq, "Chinese" → China, "Swedish" → Sweden. */
    private Optional<Gazetteer.Known> nationality(String word) {
        String w = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        String[][] endings = {{"n", ""}, {"ian", ""}, {"an", ""}, {"ese", "a"}, {"ish", "en"}, {"i", ""}};
        for (String[] e : endings) {
            if (w.endsWith(e[0]) && w.length() > e[0].length() + 2) {
                Optional<Gazetteer.Known> k = gazetteer.find(w.substring(0, w.length() - e[0].length()) + e[1])
                        .filter(x -> x.type() == EntityType.place);
                if (k.isPresent()) {
                    return k;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Words that end a name where they stand: titles, calendar words, function words, and a common word opening a
     * sentence ("Earlier AM", "Under French": capitals there say nothing); in mixed-case text, an acronym
     * ("French GDP", "One USDA"), which is an organisation's or a thing's, never part of a person's name.
     */
    private boolean droppable(String word, boolean sentenceStart, boolean inCapitals) {
        String f = fold(word);
        if (HYPHEN_LOWER.matcher(word).find()) {
            return true;
        }
        return NameWords.TITLES.contains(f) || NameWords.CALENDAR.contains(f)
                || sentenceStart && NameWords.FUNCTION_WORDS.contains(f)
                || NameWords.FUNCTION_WORDS.contains(f) && word.length() < 4
                || sentenceStart && common(word)
                || !inCapitals && acronym(word);
    }

    /** Two or more letters, all capitals, no full stops: "GDP", "USDA"; not "U.S." nor "Mr". */
    private static boolean acronym(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c) || c == '.') {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters > 1;
    }

    private static String fold(String word) {
        return Names.lookupKey(word);
    }
}
