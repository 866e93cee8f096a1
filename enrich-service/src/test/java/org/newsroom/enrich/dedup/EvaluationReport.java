package org.newsroom.enrich.dedup;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsroom.contracts.DedupStatus;
import org.newsroom.enrich.dedup.DedupEvaluation.Item;

/**
 * Scores the final decisions of an evaluation run against the labels, overall and per edit type. A copy is
 * found when flagged with a canonical article of its own story (family); a flag pointing outside it is a false
 * positive; a flag between re-filings that are not copies (same family, other group) is not scored.
 */
final class EvaluationReport {

    enum Outcome { found, missed, false_positive, unscored, true_negative }

    private final List<Item> items;
    /** Each article's last decision, as the index emitted it (an index forgets what left its window). */
    private final Map<String, Decision> decisions;
    private final Map<String, Item> byId = new HashMap<>();
    private final Map<String, Item> earliestOfGroup = new HashMap<>();

    EvaluationReport(List<Item> items, Map<String, Decision> decisions) {
        this.items = items;
        this.decisions = decisions;
        for (Item item : items) {
            byId.put(item.id(), item);
            earliestOfGroup.merge(item.group(), item, (a, b) -> earlier(a, b) ? a : b);
        }
    }

    String overall() {
        Map<Outcome, Integer> counts = new HashMap<>();
        items.forEach(i -> counts.merge(outcome(i), 1, Integer::sum));
        int found = counts.getOrDefault(Outcome.found, 0);
        int falsePositives = counts.getOrDefault(Outcome.false_positive, 0);
        int copies = (int) items.stream().filter(this::isCopy).count();
        return String.format("precision %.4f (%d of %d), recall %.4f (%d of %d copies), %d flags between re-filings"
                        + " not scored", (double) found / (found + falsePositives), found, found + falsePositives,
                (double) found / copies, found, copies, counts.getOrDefault(Outcome.unscored, 0));
    }

    /** Share of the copies made by {@code edit} that were found (a copy pointed at another story is missed). */
    double recallOf(String edit) {
        List<Item> copies = items.stream().filter(i -> isCopy(i) && i.edit().equals(edit)).toList();
        return (double) copies.stream().filter(i -> outcome(i) == Outcome.found).count() / copies.size();
    }

    /** Share of the flags that point at a copy's own story. */
    double precision() {
        long found = items.stream().filter(i -> outcome(i) == Outcome.found).count();
        long wrong = items.stream().filter(i -> outcome(i) == Outcome.false_positive).count();
        return (double) found / (found + wrong);
    }

    /** Share of all copies found. */
    double recall() {
        List<Item> copies = items.stream().filter(this::isCopy).toList();
        return (double) copies.stream().filter(i -> outcome(i) == Outcome.found).count() / copies.size();
    }

    void print() {
        Map<String, Map<Outcome, Integer>> byType = new TreeMap<>();
        List<String> falsePositives = new ArrayList<>();
        int hardNegativeHits = 0;
        for (Item item : items) {
            Outcome outcome = outcome(item);
            String type = isCopy(item) ? item.edit() : "(negatives: first of their group)";
            byType.computeIfAbsent(type, t -> new HashMap<>()).merge(outcome, 1, Integer::sum);
            if (outcome == Outcome.false_positive) {
                Decision d = decisions.get(item.id());
                Item canonical = byId.get(d.dedup().canonicalId());
                falsePositives.add(String.format("%s -> %s (J=%.2f C=%.2f) \"%s\" -> \"%s\"", item.id(), canonical.id(),
                        d.dedup().similarity(), d.dedup().containment(), item.headline(), canonical.headline()));
                hardNegativeHits += sameTopicAndDay(item, canonical) ? 1 : 0;
            }
        }
        System.out.printf("%n%-34s %7s %7s %7s %8s %8s%n", "copies by edit type", "count", "found", "missed",
                "recall", "false+");
        byType.forEach((type, n) -> {
            int found = n.getOrDefault(Outcome.found, 0);
            // A copy pointed at another story is a false positive and a miss.
            int missed = n.getOrDefault(Outcome.missed, 0) + (type.startsWith("(") ? 0 : n.getOrDefault(Outcome.false_positive, 0));
            System.out.printf("%-34s %7d %7d %7d %8s %8d%n", type, n.values().stream().mapToInt(x -> x).sum(), found,
                    missed, found + missed == 0 ? "-" : String.format("%.3f", (double) found / (found + missed)),
                    n.getOrDefault(Outcome.false_positive, 0));
        });
        System.out.printf("%noverall: %s%n", overall());
        System.out.printf("hard negatives: %,d pairs of distinct stories share a topic and day; %d of them flagged%n",
                sameTopicAndDayPairs(), hardNegativeHits);
        falsePositives.stream().limit(Integer.getInteger("dedup.eval.show", 15))
                .forEach(fp -> System.out.println("  false positive: " + fp));
    }

    private Outcome outcome(Item item) {
        Decision decision = decisions.get(item.id());
        if (decision.dedup().status() == DedupStatus.original) {
            return isCopy(item) ? Outcome.missed : Outcome.true_negative;
        }
        Item canonical = byId.get(decision.dedup().canonicalId());
        if (!canonical.family().equals(item.family())) {
            return Outcome.false_positive;
        }
        return isCopy(item) ? Outcome.found : Outcome.unscored;
    }

    private boolean isCopy(Item item) {
        return earliestOfGroup.get(item.group()) != item;
    }

    private long sameTopicAndDayPairs() {
        Map<String, Long> perTopicDay = new HashMap<>();
        for (Item item : earliestOfGroup.values()) {
            if (!item.topic().isEmpty()) {
                perTopicDay.merge(item.topic() + "@" + item.publishedAt().truncatedTo(ChronoUnit.DAYS), 1L, Long::sum);
            }
        }
        return perTopicDay.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    private static boolean sameTopicAndDay(Item a, Item b) {
        return a.topic().equals(b.topic()) && a.publishedAt().truncatedTo(ChronoUnit.DAYS)
                .equals(b.publishedAt().truncatedTo(ChronoUnit.DAYS));
    }

    private static boolean earlier(Item a, Item b) {
        int byTime = a.publishedAt().compareTo(b.publishedAt());
        return byTime < 0 || (byTime == 0 && a.id().compareTo(b.id()) < 0);
    }
}
