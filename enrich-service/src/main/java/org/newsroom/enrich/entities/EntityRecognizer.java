package org.newsroom.enrich.entities;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;

/**
 * Finds the people, places and organisations an article names. Places and organisations come from the
 * {@link Gazetteer} (nationality adjectives count for their country); a run of unknown capitalised words
 * is an organisation when it ends in an organisation word, and a person when a title or reporting verb
 * flanks it or its surname recurs alone. Who the people are is not decided here: {@link Recognised} holds the
 * names as written, and {@link People}, the memory of what other articles named, resolves them.
 */
public final class EntityRecognizer {

    private static final Set<String> TITLES = Set.of("president", "minister", "secretary", "state", "foreign",
            "deputy", "vice", "prime", "leader", "mr", "mrs", "ms", "dr", "senator", "sen", "governor", "gov",
            "general", "gen", "chancellor", "king", "queen", "pope", "special", "counsel", "chief", "ambassador",
            "envoy", "spokesman", "spokeswoman", "chairman", "director", "premier", "opposition", "interim",
            "commissioner", "judge", "justice", "attorney", "representative", "rep", "officials", "official",
            "top", "former", "acting", "executive", "senior", "treasury", "finance", "defense", "defence", "marine");
    private static final Set<String> PERSON_CUES = Set.of("president", "minister", "secretary", "leader", "mr",
            "mrs", "ms", "dr", "senator", "governor", "chancellor", "king", "queen", "pope", "counsel", "chief",
            "ambassador", "envoy", "spokesman", "spokeswoman", "chairman", "director", "premier", "said", "says",
            "told", "added", "who", "counterpart", "un");
    private static final Set<String> ORGANISATION_HEADS = Set.of("council", "ministry", "department", "agency",
            "bank", "corp", "corporation", "inc", "co", "ltd", "plc", "party", "union", "commission", "committee",
            "fund", "embassy", "congress", "senate", "group", "organization", "organisation", "association",
            "institute", "university", "court", "reserve", "exchange", "company", "airlines", "news", "times",
            "post", "parliament", "board", "federation", "service", "administration", "authority", "office");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "in", "on", "at", "it", "but",
            "and", "as", "after", "for", "with", "this", "that", "these", "those", "he", "she", "they", "we", "i",
            "his", "her", "their", "our", "its", "there", "when", "while", "if", "so", "yet", "meanwhile", "asked",
            "by", "from", "to", "of", "or", "not", "no", "what", "who", "how", "why", "both", "each", "all", "some",
            "more", "most", "here", "now", "then", "last", "next", "first", "new", "five", "two", "three");
    private static final Set<String> CALENDAR = calendarWords();
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
        String title = headline == null ? "" : headline;
        List<Mentions.Run> runs = new ArrayList<>();
        for (Mentions.Run run : Mentions.in(title)) {
            if (titleCase(title)) {
                run.words().forEach(w -> runs.add(new Mentions.Run(List.of(w), "", "", true)));
            } else {
                runs.add(run);
            }
        }
        paragraphs.forEach(p -> runs.addAll(Mentions.in(p)));
        Set<String> loneWords = new HashSet<>();
        runs.stream().filter(r -> r.words().size() == 1).forEach(r -> loneWords.add(Names.key(r.words().getFirst())));
        List<Recognised.Mention> found = new ArrayList<>();
        List<String> pendingSurnames = new ArrayList<>();
        for (Mentions.Run run : runs) {
            read(run, loneWords, found, pendingSurnames);
        }
        return new Recognised(found, pendingSurnames);
    }

    private void read(Mentions.Run run, Set<String> loneWords, List<Recognised.Mention> found, List<String> pendingSurnames) {
        List<String> words = run.words();
        List<String> name = new ArrayList<>();
        String before = run.before();
        int i = 0;
        while (i <= words.size()) {
            Optional<Match> known = i < words.size() ? known(words, i) : Optional.empty();
            boolean drop = i < words.size() && known.isEmpty() && droppable(words.get(i), i == 0 && run.sentenceStart());
            if (i == words.size() || known.isPresent() || drop) {
                String after = i == words.size() ? run.after() : words.get(i);
                name(name, before, after, loneWords, found, pendingSurnames);
                name = new ArrayList<>();
                if (known.isPresent()) {
                    found.add(Recognised.Mention.known(known.get().entity().id(), known.get().entity().name(),
                            known.get().entity().type(), String.join(" ", words.subList(i, i + known.get().length()))));
                    before = words.get(i + known.get().length() - 1);
                    i += known.get().length();
                    continue;
                }
                before = i < words.size() ? words.get(i) : before;
                i++;
            } else {
                name.add(words.get(i++));
            }
        }
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
        if (ORGANISATION_HEADS.contains(fold(words.getLast())) && words.size() > 1) {
            found.add(Recognised.Mention.known("organisation:" + Gazetteer.slug(surface), surface, EntityType.organisation, surface));
            return;
        }
        // A name ending in a common word is a thing's, not a person's ("Mana Said", "Lucky Stores"): taken for
        // people, such pairs were what a lone "Said" or "Stores" in other articles resolved to, and those answers
        // flipped with every article that named another such pair. (Dropping common words before a name too, as
        // in "Earlier AM", cost people recall on the tuning split: 0.932 -> 0.919.)
        if (words.size() > 1 && common(words.getLast())) {
            return;
        }
        if (words.size() == 1) {
            pendingSurnames.add(words.getFirst());
        } else if (words.size() <= 4 && (PERSON_CUES.contains(fold(before)) || PERSON_CUES.contains(fold(after))
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

    /** A headline In Title Case capitalises every word, so its runs say nothing about names. */
    private static boolean titleCase(String headline) {
        List<String> words = List.of(headline.split("\\s+"));
        return words.size() > 3 && words.stream().filter(Mentions::capitalised).count() >= 0.7 * words.size();
    }

    private static boolean droppable(String word, boolean sentenceStart) {
        String f = fold(word);
        if (HYPHEN_LOWER.matcher(word).find()) {
            return true;
        }
        return TITLES.contains(f) || CALENDAR.contains(f) || sentenceStart && FUNCTION_WORDS.contains(f)
                || FUNCTION_WORDS.contains(f) && word.length() < 4;
    }

    private static String fold(String word) {
        return Names.fold(word).replace(".", "");
    }

    private static Set<String> calendarWords() {
        Set<String> words = new HashSet<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            words.add(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        for (Month m : Month.values()) {
            words.add(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
            words.add(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
