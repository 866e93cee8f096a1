package org.newsroom.enrich.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Complete linkage at a level: greedily, the two groups whose least similar pair of articles is the most similar
 * merge, while that least similarity reaches the level. Every article of a group is then similar enough to every
 * other, so a chain of loosely related reports does not fuse two events.
 */
final class CompleteLinkage {

    private static final Comparator<Article> BY_ID = Comparator.comparing(a -> a.id);

    private CompleteLinkage() {
    }

    /** Links between two groups: how many of their pairs are similar enough, and the least similarity among those. */
    private record Link(int pairs, double least) {
    }

    /** A possible merge: groups {@code a < b} (by their first member's position) whose pairs are all linked. */
    private record Merge(double least, int a, int b) {
    }

    private static final Comparator<Merge> BEST_FIRST = Comparator.comparingDouble(Merge::least).reversed()
            .thenComparingInt(Merge::a).thenComparingInt(Merge::b);

    /**
     * The groups of a part, which no link of at least {@code level} leaves. Kept sparse: only group pairs with a
     * similar-enough pair of articles are tracked, and two groups may merge only when all their pairs are (every
     * complete-linkage merge needs that). The best merge is the greatest least similarity, ties to the groups whose
     * first members come first in id order, so equal similarities always resolve the same way.
     */
    static List<List<Article>> groups(List<Article> part, double level) {
        List<Article> set = new ArrayList<>(part);
        set.sort(BY_ID);
        int n = set.size();
        for (int i = 0; i < n; i++) {
            set.get(i).position = i;
        }
        List<List<Article>> groups = new ArrayList<>();
        List<Map<Integer, Link>> links = new ArrayList<>();
        TreeSet<Merge> merges = new TreeSet<>(BEST_FIRST);
        for (int i = 0; i < n; i++) {
            Article a = set.get(i);
            groups.add(new ArrayList<>(List.of(a)));
            Map<Integer, Link> linked = new HashMap<>();
            for (int k = 0; k < a.links; k++) {
                if (a.similarity[k] < level) {
                    continue; // a link cut by a raised level: every other one stays within the part
                }
                int j = a.similar[k].position;
                linked.put(j, new Link(1, a.similarity[k]));
                if (i < j) {
                    merges.add(new Merge(a.similarity[k], i, j));
                }
            }
            links.add(linked);
        }
        boolean[] merged = new boolean[n];
        while (!merges.isEmpty()) {
            Merge m = merges.pollFirst();
            Link link = merged[m.a()] || merged[m.b()] ? null : links.get(m.a()).get(m.b());
            if (link == null || link.least() != m.least()
                    || link.pairs() != groups.get(m.a()).size() * groups.get(m.b()).size()) {
                continue; // stale: one of the groups has grown since
            }
            int a = m.a();
            int b = m.b();
            groups.get(a).addAll(groups.get(b));
            merged[b] = true;
            links.get(a).remove(b);
            for (Map.Entry<Integer, Link> e : links.get(b).entrySet()) {
                int c = e.getKey();
                if (c == a) {
                    continue;
                }
                Link old = links.get(a).get(c);
                Link joined = old == null ? e.getValue()
                        : new Link(old.pairs() + e.getValue().pairs(), Math.min(old.least(), e.getValue().least()));
                links.get(a).put(c, joined);
                links.get(c).remove(b);
                links.get(c).put(a, joined);
            }
            links.get(b).clear();
            for (Map.Entry<Integer, Link> e : links.get(a).entrySet()) {
                int c = e.getKey();
                if (e.getValue().pairs() == groups.get(a).size() * groups.get(c).size()) {
                    merges.add(new Merge(e.getValue().least(), Math.min(a, c), Math.max(a, c)));
                }
            }
        }
        List<List<Article>> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!merged[i]) {
                result.add(groups.get(i));
            }
        }
        return result;
    }
}
