package org.newsroom.enrich.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsroom.enrich.dedup.DedupEvaluation.Item;

/**
 * Labels corpus stories without MinHash. Group: equal text after cleaning (Reuters' 279 groups of equal bodies,
 * and more differing only in spacing or case), true duplicates. Family: a group plus its re-filings (repeats,
 * corrections, updates: headlines sharing at least half their words, filed within two days; for BBC, which has
 * no dates, the same category), which may or may not be copies: a match inside a family is not scored.
 */
final class CorpusGroups {

    private static final Duration REFILING = Duration.ofDays(2);

    private CorpusGroups() {
    }

    static List<Item> grouped(List<Item> stories) {
        int[] group = new int[stories.size()];
        Arrays.setAll(group, i -> i);
        Map<String, Integer> firstWithBody = new HashMap<>();
        List<Set<String>> titles = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            Item story = stories.get(i);
            Integer same = firstWithBody.putIfAbsent(String.join(" ", BodyText.words(story.paragraphs())), i);
            if (same != null) {
                union(group, same, i);
            }
            titles.add(titleWords(story.headline()));
        }
        int[] parent = group.clone();
        for (int i = 0; i < stories.size(); i++) {
            for (int j = i + 1; j < stories.size() && withinRefiling(stories.get(i), stories.get(j)); j++) {
                if (refiled(titles.get(i), titles.get(j))) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < stories.size(); i++) {
            sizes.merge(root(group, i), 1, Integer::sum);
        }
        List<Item> grouped = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            Item s = stories.get(i);
            int root = root(group, i);
            grouped.add(new Item(s.id(), stories.get(root).id(), stories.get(root(parent, i)).id(),
                    sizes.get(root) > 1 ? DedupEvaluation.CORPUS_DUPLICATE : DedupEvaluation.ORIGINAL,
                    s.publishedAt(), s.arrivedAt(), s.topic(), s.headline(), s.paragraphs()));
        }
        return grouped;
    }

    /** Stories come sorted by source then time; BBC stories are compared within their category only. */
    private static boolean withinRefiling(Item a, Item b) {
        boolean bbc = a.id().startsWith("bbc-");
        if (bbc != b.id().startsWith("bbc-")) {
            return false;
        }
        return bbc ? a.topic().equals(b.topic())
                : Duration.between(a.publishedAt(), b.publishedAt()).abs().compareTo(REFILING) <= 0;
    }

    private static boolean refiled(Set<String> a, Set<String> b) {
        if (a.size() < 2 || b.size() < 2) {
            return false;
        }
        long shared = a.stream().filter(b::contains).count();
        return shared * 2 >= a.size() + b.size() - shared;
    }

    private static Set<String> titleWords(String title) {
        return Arrays.stream(title.toLowerCase().replaceAll("<[^>]*>", " ").replace("corrected", " ").split("[^a-z0-9]+"))
                .filter(w -> w.length() > 1).collect(Collectors.toCollection(HashSet::new));
    }

    private static void union(int[] parent, int a, int b) {
        int ra = root(parent, a);
        int rb = root(parent, b);
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
