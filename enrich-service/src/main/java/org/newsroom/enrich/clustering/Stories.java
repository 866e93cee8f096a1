package org.newsroom.enrich.clustering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stories: groups of articles reporting one event, worked out so that the grouping is a function of the
 * <em>set</em> of articles in the window, never of the order they came in.
 *
 * <p>Two articles are similar by {@code (1 - w) · cosine(TF-IDF words) + w · weighted Jaccard(named entities)},
 * damped by their publication times' distance ({@code 1 / (1 + hours apart / window hours)}); articles further
 * apart than the window are not compared. Words are weighted with a fixed idf ({@link TermIdf}), entities by
 * kind (a place half a person or organisation) and mentions (at most 3). Articles are compared when they share
 * one of their {@value #KEY_WORDS} heaviest words or an entity.
 *
 * <p>Groups are the complete-linkage clusters at {@code threshold}: greedily, the two groups whose least similar
 * pair of articles is the most similar merge, while that least similarity reaches the threshold. Every article
 * of a group is then similar enough to every other, so a chain of loosely related reports does not fuse two
 * events (single linkage and nearest-neighbour threading did, on ECB+: see docs/tagging.md). A group lies
 * within one connected set of the "similar enough" graph, so an arrival or departure re-clusters only its own.
 * A story's id is {@code story-<id of its earliest article>} (publication time, then id).
 *
 * <p>Each change returns the earlier articles whose story it moved ({@link Revision}). Not thread-safe: the
 * memory belongs to one task.
 */
public final class Stories {

    /** How many of an article's heaviest words make it findable by others. */
    static final int KEY_WORDS = 12;
    /** The most articles clustered together by default; a larger connected set is cut at a raised threshold. */
    public static final int MAX_CLUSTERED = 300;
    /** How far the threshold rises at a time when a connected set is too large. */
    static final double STEP = 0.025;
    /** Most words kept per article: the tail of a long text weighs little and costs memory. */
    static final int MAX_WORDS = 300;

    /**
     * @param window        articles further apart than this are never in one story; memory keeps this long
     * @param threshold     the similarity every pair of a story reaches
     * @param entityWeight  {@code w}: how much named entities count against words
     * @param maxClustered  the most articles clustered together: a larger connected set is cut (bounds the cost)
     */
    public record Settings(Duration window, double threshold, double entityWeight, int maxClustered) {

        public Settings(Duration window, double threshold, double entityWeight) {
            this(window, threshold, entityWeight, MAX_CLUSTERED);
        }
    }

    /** An earlier article whose story changed. */
    public record Revision(String articleId, String storyId) {
    }

    /** This article's story, and the earlier articles whose story it changed. */
    public record Seen(String storyId, List<Revision> revisions) {
    }

    private static final class Article {
        final String id;
        final Instant time;
        final Vectors words;
        final Vectors entities;
        final List<String> keys;
        /** Articles similar enough to this one, with the similarity. */
        final Map<String, Double> similar = new HashMap<>();
        String story;
        /** The threshold this article was last clustered at: above the base one in a large connected set. */
        double level;
        /** The last walk over the links that reached this article. */
        int visited;

        Article(String id, Instant time, Vectors words, Vectors entities, List<String> keys) {
            this.id = id;
            this.time = time;
            this.words = words;
            this.entities = entities;
            this.keys = keys;
        }
    }

    private static final Comparator<Article> EARLIEST = Comparator.comparing((Article a) -> a.time)
            .thenComparing(a -> a.id);
    private static final Comparator<Article> BY_ID = Comparator.comparing(a -> a.id);

    private final Settings settings;
    private final TermIdf idf;
    private final Map<String, Article> articles = new HashMap<>();
    /** Articles by publication time, for expiry. */
    private final TreeMap<Instant, Set<String>> byTime = new TreeMap<>();
    private final Map<String, Set<String>> articlesByKey = new HashMap<>();
    private int largestGroup;
    private int visits;

    public Stories(Settings settings, TermIdf idf) {
        this.settings = settings;
        this.idf = idf;
    }

    /**
     * Remembers an article (replacing it if seen before) and answers its story, with the earlier articles whose
     * story this changed.
     *
     * @param words       the article's content words (headline counted twice), see {@code Words.content}
     * @param entityKeys  the article's own entity ids, one per mention (a person by the full name it writes)
     */
    public Seen see(String articleId, Instant time, List<String> words, List<String> entityKeys) {
        Set<String> affected = new HashSet<>(forget(articleId));
        Article article = article(articleId, time, words, entityKeys);
        link(article);
        affected.add(articleId);
        List<Revision> revisions = regroup(affected, articleId);
        return new Seen(article.story, revisions);
    }

    /** Remembers an article without reporting revisions: rebuilding the memory from its facts after a restart. */
    public void restore(String articleId, Instant time, List<String> words, List<String> entityKeys) {
        see(articleId, time, words, entityKeys);
    }

    /** Forgets the articles published before {@code cutoff}, with the revisions of those that remain. */
    public List<Revision> expire(Instant cutoff) {
        List<String> old = byTime.headMap(cutoff).values().stream().flatMap(Set::stream).sorted().toList();
        Set<String> affected = new HashSet<>();
        old.forEach(id -> affected.addAll(forget(id)));
        old.forEach(affected::remove);
        return regroup(affected, null);
    }

    public Optional<String> storyOf(String articleId) {
        return Optional.ofNullable(articles.get(articleId)).map(a -> a.story);
    }

    public int size() {
        return articles.size();
    }

    /** The most articles one connected set held at the base threshold (before any cut): a measure of density. */
    public int largestGroup() {
        return largestGroup;
    }

    private Article article(String id, Instant time, List<String> words, List<String> entityKeys) {
        Map<String, Integer> tf = new HashMap<>();
        words.forEach(w -> tf.merge(w, 1, Integer::sum));
        Map<String, Double> weights = new HashMap<>();
        tf.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (1 + Math.log(e.getValue())) * idf.of(e.getKey())))
                .sorted(heaviest()).limit(MAX_WORDS).forEach(e -> weights.put(e.getKey(), e.getValue()));
        Map<String, Integer> mentions = new HashMap<>();
        entityKeys.forEach(k -> mentions.merge(k, 1, Integer::sum));
        Map<String, Double> named = new HashMap<>();
        mentions.forEach((k, n) -> named.put(k, (k.startsWith("place:") ? 0.5 : 1.0) * Math.min(3, n)));
        List<String> keys = new ArrayList<>();
        weights.entrySet().stream().sorted(heaviest()).limit(KEY_WORDS).forEach(e -> keys.add("w:" + e.getKey()));
        new TreeSet<>(named.keySet()).forEach(k -> keys.add("e:" + k));
        return new Article(id, Objects.requireNonNull(time, "time"), Vectors.of(weights).normalised(),
                Vectors.of(named), List.copyOf(keys));
    }

    private static Comparator<Map.Entry<String, Double>> heaviest() {
        return Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());
    }

    private void link(Article article) {
        // Each pair's similarity is its own: the order candidates are compared in changes nothing.
        Set<String> candidates = new HashSet<>();
        for (String key : article.keys) {
            candidates.addAll(articlesByKey.getOrDefault(key, Set.of()));
        }
        for (String id : candidates) {
            Article other = articles.get(id);
            double s = similarity(article, other);
            if (s >= settings.threshold()) {
                article.similar.put(id, s);
                other.similar.put(article.id, s);
            }
        }
        articles.put(article.id, article);
        byTime.computeIfAbsent(article.time, t -> new HashSet<>()).add(article.id);
        article.keys.forEach(k -> articlesByKey.computeIfAbsent(k, x -> new HashSet<>()).add(article.id));
    }

    /** Removes an article; returns the articles that were similar to it (their groups may split). */
    private Set<String> forget(String id) {
        Article article = articles.remove(id);
        if (article == null) {
            return Set.of();
        }
        Set<String> atTime = byTime.get(article.time);
        atTime.remove(id);
        if (atTime.isEmpty()) {
            byTime.remove(article.time);
        }
        for (String key : article.keys) {
            Set<String> ids = articlesByKey.get(key);
            ids.remove(id);
            if (ids.isEmpty()) {
                articlesByKey.remove(key);
            }
        }
        article.similar.keySet().forEach(other -> articles.get(other).similar.remove(id));
        return article.similar.keySet();
    }

    private double similarity(Article a, Article b) {
        double hours = Math.abs(Duration.between(a.time, b.time).toMinutes()) / 60.0;
        double windowHours = Math.max(1, settings.window().toHours());
        if (hours > windowHours) {
            return 0;
        }
        double w = settings.entityWeight();
        double s = (1 - w) * a.words.dot(b.words) + w * a.entities.weightedJaccard(b.entities);
        return s / (1 + hours / windowHours);
    }

    // ---- grouping -----------------------------------------------------------------------------------------------

    /**
     * Re-clusters around {@code ids} (articles added, or whose neighbour left); returns the moved articles other than
     * {@code self}. A connected set larger than {@code maxClustered} is cut at the lowest raised threshold (in steps
     * of {@link #STEP}) that leaves no part above it, and each part is clustered at that threshold: a function of
     * the set again, which bounds the work per arrival. Only the parts holding {@code ids}, or clustered at another
     * level before, are clustered again; the others cannot have changed.
     */
    private List<Revision> regroup(Set<String> ids, String self) {
        Set<String> done = new HashSet<>();
        List<Revision> revisions = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            if (!articles.containsKey(id) || done.contains(id)) {
                continue;
            }
            List<Article> connected = connected(articles.get(id), settings.threshold());
            connected.forEach(a -> done.add(a.id));
            double level = settings.threshold();
            List<List<Article>> parts = List.of(connected);
            if (connected.size() > settings.maxClustered()) {
                Links links = Links.of(connected);
                level = cutLevel(links);
                parts = links.parts(level);
            }
            for (List<Article> part : parts) {
                double at = level;
                if (part.stream().noneMatch(a -> ids.contains(a.id) || a.level != at || a.story == null)) {
                    continue;
                }
                part.forEach(a -> a.level = at);
                for (List<Article> group : completeLinkage(part, level)) {
                    String story = "story-" + group.stream().min(EARLIEST).orElseThrow().id;
                    for (Article a : group) {
                        if (!story.equals(a.story)) {
                            boolean known = a.story != null;
                            a.story = story;
                            if (known && !a.id.equals(self)) {
                                revisions.add(new Revision(a.id, story));
                            }
                        }
                    }
                }
            }
        }
        revisions.sort(Comparator.comparing(Revision::articleId));
        return revisions;
    }

    /**
     * The lowest threshold, in steps of {@link #STEP} up from the base one, at which no connected part of the set
     * holds more than {@code maxClustered} articles. Parts only shrink as the threshold rises, so the first step
     * that passes is found by bisection, each test a union-find pass over the links (no sort of the links).
     */
    private double cutLevel(Links links) {
        List<Double> levels = new ArrayList<>();
        double level = settings.threshold();
        levels.add(level);
        while (level <= links.strongest()) {
            level += STEP; // accumulated as the threshold always was: the same doubles, the same cut
            levels.add(level);
        }
        int low = 0;
        int high = levels.size() - 1; // above the strongest link every part is one article
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (links.largestPart(levels.get(mid)) <= settings.maxClustered()) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return levels.get(low);
    }

    /** The links within a connected set, by the articles' positions in it (id order). */
    private record Links(List<Article> set, int[] from, int[] to, double[] similarity) {

        static Links of(List<Article> set) {
            Map<String, Integer> position = positions(set);
            int count = 0;
            for (Article a : set) {
                count += a.similar.size();
            }
            int[] from = new int[count / 2 + 1];
            int[] to = new int[from.length];
            double[] similarity = new double[from.length];
            int n = 0;
            for (int i = 0; i < set.size(); i++) {
                for (Map.Entry<String, Double> e : set.get(i).similar.entrySet()) {
                    int j = position.get(e.getKey());
                    if (i < j) {
                        from[n] = i;
                        to[n] = j;
                        similarity[n++] = e.getValue();
                    }
                }
            }
            return new Links(set, java.util.Arrays.copyOf(from, n), java.util.Arrays.copyOf(to, n),
                    java.util.Arrays.copyOf(similarity, n));
        }

        double strongest() {
            double max = Double.NEGATIVE_INFINITY;
            for (double s : similarity) {
                max = Math.max(max, s);
            }
            return max;
        }

        /** Union-find over the links of at least {@code level}: each article's root. */
        int[] roots(double level) {
            int[] parent = new int[set.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            for (int k = 0; k < from.length; k++) {
                if (similarity[k] >= level) {
                    int x = root(parent, from[k]);
                    int y = root(parent, to[k]);
                    if (x != y) {
                        parent[Math.max(x, y)] = Math.min(x, y);
                    }
                }
            }
            for (int i = 0; i < parent.length; i++) {
                parent[i] = root(parent, i);
            }
            return parent;
        }

        int largestPart(double level) {
            int[] roots = roots(level);
            int[] size = new int[roots.length];
            int largest = 0;
            for (int r : roots) {
                largest = Math.max(largest, ++size[r]);
            }
            return largest;
        }

        /** The connected parts through links of at least {@code level}, each in id order (the set's order). */
        List<List<Article>> parts(double level) {
            int[] roots = roots(level);
            Map<Integer, List<Article>> parts = new TreeMap<>();
            for (int i = 0; i < roots.length; i++) {
                parts.computeIfAbsent(roots[i], r -> new ArrayList<>()).add(set.get(i));
            }
            return new ArrayList<>(parts.values());
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static Map<String, Integer> positions(List<Article> set) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            position.put(set.get(i).id, i);
        }
        return position;
    }

    /** The articles reachable from {@code start} through links of at least {@code level}, in id order. */
    private List<Article> connected(Article start, double level) {
        int visit = ++visits; // marks the articles reached in this walk: no set of ids to hash into
        List<Article> reached = new ArrayList<>(List.of(start));
        start.visited = visit;
        for (int next = 0; next < reached.size(); next++) {
            for (Map.Entry<String, Double> e : reached.get(next).similar.entrySet()) {
                if (e.getValue() >= level) {
                    Article o = articles.get(e.getKey());
                    if (o.visited != visit) {
                        o.visited = visit;
                        reached.add(o);
                    }
                }
            }
        }
        largestGroup = Math.max(largestGroup, reached.size());
        reached.sort(BY_ID);
        return reached;
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
     * Complete linkage over one connected set, kept sparse: only group pairs with a similar-enough pair of articles
     * are tracked, and two groups may merge only when all their pairs are (every complete-linkage merge needs that).
     * The best merge is the greatest least similarity, ties to the groups whose first members come first in id
     * order, so equal similarities always resolve the same way.
     */
    private static List<List<Article>> completeLinkage(List<Article> set, double level) {
        int n = set.size();
        Map<String, Integer> position = positions(set);
        List<List<Article>> groups = new ArrayList<>();
        List<Map<Integer, Link>> links = new ArrayList<>();
        TreeSet<Merge> merges = new TreeSet<>(BEST_FIRST);
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>(List.of(set.get(i))));
            Map<Integer, Link> linked = new HashMap<>();
            for (Map.Entry<String, Double> e : set.get(i).similar.entrySet()) {
                Integer j = position.get(e.getKey());
                if (j == null || e.getValue() < level) {
                    continue; // a link cut by a raised level
                }
                linked.put(j, new Link(1, e.getValue()));
                if (i < j) {
                    merges.add(new Merge(e.getValue(), i, j));
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
