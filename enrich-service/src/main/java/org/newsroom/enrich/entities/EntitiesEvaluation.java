package org.newsroom.enrich.entities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.corpora.ReutersStory;

/**
 * Precision and recall of recognised places, organisations and people against Reuters-21578's PLACES, ORGS and
 * PEOPLE labels, for {@code ./newsroom entities-eval} (the command, with the service's configuration, is {@code
 * tagging.EntitiesEvalCommand}: the vocabulary people's memory runs with comes from the subject model). Reuters
 * labels what a story is about, not every name in it, so precision is also shown for entities named at least twice.
 */
public final class EntitiesEvaluation {

    private EntitiesEvaluation() {
    }

    /** The heading of {@link Figures#line}'s table. */
    public static String heading() {
        return String.format("%-14s %7s %10s %8s %8s %18s", "kind", "stories", "gold", "P", "R", "P (named >= 2x)");
    }

    /**
     * Places, organisations and people, in that order: the figures of one recognizer on {@code stories}, which
     * it reads once each in their order, as the service reads a stream (what {@code people} learns carries over).
     */
    public static List<Figures> report(List<ReutersStory> stories, EntityRecognizer recognizer, People people) {
        Gazetteer gazetteer = Gazetteer.bundled();
        List<List<Entity>> found = stories.stream().map(s -> {
            List<String> text = new ArrayList<>(List.of(dateline(s.dateline())));
            text.addAll(s.paragraphs());
            return recognizer.entities("reuters-" + s.newId(), s.date(), s.title(), text, people);
        }).toList();
        return List.of(
                evaluate("places", stories, found, ReutersStory::places, EntityType.place,
                        e -> gazetteer.reutersCodeOf(e.id()).or(() -> gazetteer.countryOfCapital(e.id())
                                .flatMap(c -> gazetteer.reutersCodeOf(c.id())))),
                evaluate("organisations", stories, found, ReutersStory::orgs, EntityType.organisation,
                        e -> gazetteer.reutersCodeOf(e.id())),
                evaluate("people", stories, found, ReutersStory::people, EntityType.person,
                        e -> Optional.of(surname(e.name()))));
    }

    /** Precision and recall of one kind of entity. */
    public record Figures(String kind, int stories, int gold, double precision, double recall,
                          double repeatedPrecision) {

        public String line() {
            return String.format(Locale.ROOT, "%-14s %7d %10d %8.3f %8.3f %18.3f", kind, stories, gold, precision,
                    recall, repeatedPrecision);
        }
    }

    private static Figures evaluate(String kind, List<ReutersStory> stories, List<List<Entity>> entities,
                                    Function<ReutersStory, List<String>> labels, EntityType type,
                                    Function<Entity, Optional<String>> code) {
        int[] all = new int[3];
        int[] repeated = new int[3];
        int counted = 0;
        int gold = 0;
        for (int i = 0; i < stories.size(); i++) {
            List<String> wanted = labels.apply(stories.get(i));
            if (wanted.isEmpty()) {
                continue;
            }
            counted++;
            gold += wanted.size();
            Set<String> goldKeys = new HashSet<>(type == EntityType.person ? wanted.stream().map(EntitiesEvaluation::surname).toList() : wanted);
            List<Entity> found = entities.get(i).stream().filter(e -> e.type() == type).toList();
            count(goldKeys, found, code, all);
            count(goldKeys, found.stream().filter(e -> e.mentions() >= 2).toList(), code, repeated);
        }
        return new Figures(kind, counted, gold, ratio(all[0], all[0] + all[1]), ratio(all[0], all[0] + all[2]),
                ratio(repeated[0], repeated[0] + repeated[1]));
    }

    /** tp, fp, fn of one story; entities without a Reuters counterpart (e.g. cities) are not judged. */
    private static void count(Set<String> gold, List<Entity> found, Function<Entity, Optional<String>> code, int[] n) {
        Set<String> predicted = new HashSet<>();
        found.forEach(e -> code.apply(e).ifPresent(predicted::add));
        for (String p : predicted) {
            n[gold.contains(p) ? 0 : 1]++;
        }
        gold.stream().filter(g -> !predicted.contains(g)).forEach(g -> n[2]++);
    }

    /** "TOKYO, March 3 - " names Tokyo; the date is no entity. */
    private static String dateline(String dateline) {
        int comma = dateline == null ? -1 : dateline.indexOf(',');
        String place = comma < 0 ? "" : dateline.substring(0, comma).strip();
        return Names.titleCase(place.toLowerCase(Locale.ROOT)) + ".";
    }

    /** People compare by folded surname: Reuters writes "james-baker", articles "James A. Baker". */
    private static String surname(String name) {
        String[] parts = Names.fold(name).split("[ -]");
        return parts[parts.length - 1];
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
