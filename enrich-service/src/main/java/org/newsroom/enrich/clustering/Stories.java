package org.newsroom.enrich.clustering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    private static final Comparator<Article> EARLIEST = Comparator.comparing((Article a) -> a.time)
            .thenComparing(a -> a.id);

    private final Settings settings;
    /** The thresholds a large connected set may be cut at: the base one, then up in steps past any similarity. */
    private final double[] levels;
    private final TermIdf idf;
    private final Map<String, Article> articles = new HashMap<>();
    /** Articles by publication time, for expiry. */
    private final TreeMap<Instant, Set<String>> byTime = new TreeMap<>();
    private final Map<String, Set<Article>> articlesByKey = new HashMap<>();
    /**
     * One instance of each word the remembered articles' vectors hold, with how many hold it: two articles' shared
     * word is then one object, and the dot product's equality test stops at the reference instead of comparing the
     * characters of two copies decoded from two records.
     */
    private final Map<String, SharedWord> sharedWords = new HashMap<>();
    private int largestGroup;
    private int visits;
    private int regroupings;

    public Stories(Settings settings, TermIdf idf) {
        this.settings = settings;
        this.levels = levels(settings.threshold());
        this.idf = idf;
    }

    /**
     * From the base threshold up in steps, accumulated as the threshold always was (the same doubles, the same
     * cut), past 1 by more than a step: no similarity exceeds 1 (cosine, Jaccard and damping each at most 1) but by
     * rounding, so above the last level every part is one article.
     */
    private static double[] levels(double threshold) {
        List<Double> levels = new ArrayList<>();
        double level = threshold;
        levels.add(level);
        while (level <= 1 + STEP) {
            level += STEP;
            levels.add(level);
        }
        return levels.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Remembers an article (replacing it if seen before) and answers its story, with the earlier articles whose
     * story this changed.
     *
     * @param words       the article's content words (headline counted twice), see {@code Words.content}
     * @param entityKeys  the article's own entity ids, one per mention (a person by the full name it writes)
     */
    public Seen see(String articleId, Instant time, List<String> words, List<String> entityKeys) {
        List<Article> affected = new ArrayList<>(forget(articleId));
        Article article = article(articleId, time, words, entityKeys);
        link(article);
        List<Revision> revisions;
        if (affected.isEmpty()) { // nothing left: the arrival only adds
            revisions = arrived(article);
        } else {
            affected.add(article);
            revisions = regroup(affected, articleId, Change.REPLACED);
        }
        return new Seen(article.story, revisions);
    }

    /** Remembers an article without reporting revisions: rebuilding the memory from its facts after a restart. */
    public void restore(String articleId, Instant time, List<String> words, List<String> entityKeys) {
        see(articleId, time, words, entityKeys);
    }

    /** Forgets the articles published before {@code cutoff}, with the revisions of those that remain. */
    public List<Revision> expire(Instant cutoff) {
        List<String> old = byTime.headMap(cutoff).values().stream().flatMap(Set::stream).sorted().toList();
        List<Article> affected = new ArrayList<>();
        old.forEach(id -> affected.addAll(forget(id)));
        return regroup(affected, null, Change.LEFT); // those forgotten meanwhile are passed over there
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
        Objects.requireNonNull(time, "time"); // before any word is counted as held
        Map<String, Integer> tf = new HashMap<>();
        words.forEach(w -> tf.merge(w, 1, Integer::sum));
        String[] terms = tf.keySet().toArray(String[]::new);
        Arrays.sort(terms); // key order: the vector's order
        double[] weights = new double[terms.length];
        for (int t = 0; t < terms.length; t++) {
            weights[t] = (1 + Math.log(tf.get(terms[t]))) * idf.of(terms[t]);
        }
        // Heaviest first, ties by word: the vector keeps the first MAX_WORDS (in key order), its keys are the first
        // KEY_WORDS. It runs for every arrival, and most articles have fewer distinct words than MAX_WORDS: then every
        // word is kept, already in key order, and only the KEY_WORDS heaviest need picking, not a sort of them all.
        int kept = Math.min(terms.length, MAX_WORDS);
        int keyCount = Math.min(kept, KEY_WORDS);
        int[] keyWords;
        int[] byWord; // positions of the kept terms, in key order
        if (kept == terms.length) {
            keyWords = heaviest(weights, keyCount);
            byWord = new int[kept];
            Arrays.setAll(byWord, i -> i);
        } else {
            Integer[] order = new Integer[terms.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> ranksBefore(weights, a, b) ? -1 : a.equals(b) ? 0 : 1);
            keyWords = new int[keyCount];
            Arrays.setAll(keyWords, i -> order[i]);
            byWord = new int[kept];
            Arrays.setAll(byWord, i -> order[i]);
            Arrays.sort(byWord);
        }
        Map<String, Integer> mentions = new HashMap<>();
        entityKeys.forEach(k -> mentions.merge(k, 1, Integer::sum));
        Map<String, Double> named = new HashMap<>();
        mentions.forEach((k, n) -> named.put(k, (k.startsWith("place:") ? 0.5 : 1.0) * Math.min(3, n)));
        List<String> keys = new ArrayList<>();
        for (int position : keyWords) {
            keys.add("w:" + terms[position]);
        }
        new TreeSet<>(named.keySet()).forEach(k -> keys.add("e:" + k));
        String[] vectorKeys = new String[kept];
        double[] vectorValues = new double[kept];
        for (int i = 0; i < kept; i++) {
            vectorKeys[i] = sharedWords.computeIfAbsent(terms[byWord[i]], SharedWord::new).hold();
            vectorValues[i] = weights[byWord[i]];
        }
        return new Article(id, time, new Vectors(vectorKeys, vectorValues).normalised(),
                Vectors.of(named), List.copyOf(keys));
    }

    /**
     * The positions of the {@code n} heaviest terms, heaviest first, ties by word (the terms are sorted, so by
     * position): one pass that keeps the {@code n} best in order, for {@code n} the few keys.
     */
    private static int[] heaviest(double[] weights, int n) {
        int[] top = new int[n];
        int size = 0;
        for (int t = 0; t < weights.length; t++) {
            if (size == n && !ranksBefore(weights, t, top[n - 1])) {
                continue;
            }
            int i = size < n ? size++ : n - 1;
            while (i > 0 && ranksBefore(weights, t, top[i - 1])) {
                top[i] = top[i - 1];
                i--;
            }
            top[i] = t;
        }
        return top;
    }

    /** Whether term {@code a} comes before term {@code b}: heavier, or as heavy and earlier in key order. */
    private static boolean ranksBefore(double[] weights, int a, int b) {
        int byWeight = Double.compare(weights[a], weights[b]);
        return byWeight != 0 ? byWeight > 0 : a < b;
    }

    private void link(Article article) {
        // Each pair's similarity is its own: the order candidates are compared in changes nothing.
        int visit = ++visits; // marks the candidates compared already: no set of ids to hash into
        for (String key : article.keys) {
            for (Article other : articlesByKey.getOrDefault(key, Set.of())) {
                if (other.visited != visit) {
                    other.visited = visit;
                    double s = similarity(article, other);
                    if (s >= settings.threshold()) {
                        article.link(other, s);
                        other.link(article, s);
                    }
                }
            }
        }
        articles.put(article.id, article);
        byTime.computeIfAbsent(article.time, t -> new HashSet<>()).add(article.id);
        article.keys.forEach(k -> articlesByKey.computeIfAbsent(k, x -> new HashSet<>()).add(article));
    }

    /** Removes an article; returns the articles that were similar to it (their groups may split). */
    private List<Article> forget(String id) {
        Article article = articles.remove(id);
        if (article == null) {
            return List.of();
        }
        Set<String> atTime = byTime.get(article.time);
        atTime.remove(id);
        if (atTime.isEmpty()) {
            byTime.remove(article.time);
        }
        for (String key : article.keys) {
            Set<Article> linked = articlesByKey.get(key);
            linked.remove(article);
            if (linked.isEmpty()) {
                articlesByKey.remove(key);
            }
        }
        for (String word : article.words.keys()) {
            if (sharedWords.get(word).release()) {
                sharedWords.remove(word);
            }
        }
        List<Article> similar = article.similar();
        similar.forEach(other -> other.unlink(article));
        return similar;
    }

    /** How many distinct words the remembered articles hold (each once). */
    int sharedWordCount() {
        return sharedWords.size();
    }

    private static final class SharedWord {
        private final String word;
        private int articles;

        SharedWord(String word) {
            this.word = word;
        }

        /** Counts one more article holding it. */
        String hold() {
            articles++;
            return word;
        }

        /** Counts one article fewer; whether none holds it any more. */
        boolean release() {
            return --articles == 0;
        }
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

    /** What happened to the articles regrouped: what it tells of the level their connected sets are cut at. */
    private enum Change {
        /** Only arrivals: a set still holds each set it joined, so is cut at least as high as each was. */
        ARRIVED,
        /** Only departures: a set is part of the one it was in, so is cut at most as high as that was. */
        LEFT,
        /** A new version of an article: nothing is known. */
        REPLACED
    }

    /**
     * An arrival that left nothing behind (a first version, or one that linked to nothing). The sets it links
     * join; when together they hold more than {@code maxClustered}, the highest level they were cut at is the
     * least the joined set needs, and it is the level when the arrival's part at it stays small enough: then only
     * that part, and the parts of the small sets it joined, are clustered again, without a walk over the rest. Else
     * regrouped as any change is.
     */
    private List<Revision> arrived(Article article) {
        int regrouping = ++regroupings;
        List<Article> joined = new ArrayList<>(); // one article of each set it joins
        int size = 1;
        double level = settings.threshold();
        for (int k = 0; k < article.links; k++) {
            Article.ConnectedSet set = article.similar[k].set.root();
            if (set.counted != regrouping) {
                set.counted = regrouping;
                joined.add(article.similar[k]);
                size += set.size;
                level = Math.max(level, article.similar[k].level);
            }
        }
        List<Article> below = new ArrayList<>(); // the articles of the small sets joined, clustered whole before
        for (Article other : joined) {
            if (other.level != level) {
                if (other.set.root().size > settings.maxClustered() || level == settings.threshold()) {
                    below = null;
                    break;
                }
                below.addAll(reach(other, settings.threshold(), article));
            }
        }
        List<Article> part = below == null || size <= settings.maxClustered() ? null : reach(article, level, null);
        if (part == null || part.size() > settings.maxClustered()) {
            return regroup(List.of(article), article.id, Change.ARRIVED);
        }
        article.set = new Article.ConnectedSet(size);
        joined.forEach(other -> other.set.root().mergeInto(article.set));
        largestGroup = Math.max(largestGroup, size);
        List<Revision> revisions = new ArrayList<>();
        cluster(part, level, article.id, revisions);
        for (Article other : below) {
            if (other.level != level) { // else clustered already, in a part found before
                cluster(reach(other, level, null), level, article.id, revisions);
            }
        }
        revisions.sort(Comparator.comparing(Revision::articleId));
        return revisions;
    }

    /**
     * Re-clusters the connected sets of {@code changed} (articles added, or whose neighbour left); returns the moved
     * articles other than {@code self}. A connected set larger than {@code maxClustered} is cut at the lowest raised
     * threshold (in steps of {@link #STEP}) that leaves no part above it, and each part is clustered at that
     * threshold: a function of the set again, which bounds the work per arrival. Only the parts holding a changed
     * article, or clustered at another level before, are clustered again; the others cannot have changed.
     */
    private List<Revision> regroup(List<Article> changed, String self, Change change) {
        int regrouping = ++regroupings;
        changed.forEach(a -> a.changed = regrouping);
        int firstWalk = visits + 1; // an article reached by a walk from here on is in a set regrouped already
        List<Revision> revisions = new ArrayList<>();
        for (Article start : changed) {
            if (articles.get(start.id) != start || start.visited >= firstWalk) {
                continue; // forgotten since, or regrouped already
            }
            double had = start.level;
            List<Article> connected = reach(start, settings.threshold(), null);
            Article.ConnectedSet set = new Article.ConnectedSet(connected.size());
            double least = settings.threshold();
            for (Article a : connected) {
                a.set = set;
                least = Math.max(least, a.level);
            }
            largestGroup = Math.max(largestGroup, connected.size());
            double level = settings.threshold();
            List<List<Article>> parts = List.of(connected);
            if (connected.size() > settings.maxClustered()) {
                Links links = Links.of(connected);
                int low = change == Change.ARRIVED ? index(least) : 0;
                int high = change == Change.LEFT ? index(had) : levels.length - 1;
                // Tried first: the level just above what arrivals joined, or just below what departures left.
                int first = change == Change.ARRIVED ? low + 1 : change == Change.LEFT ? high - 1 : -1;
                level = levels[links.lowestPassing(levels, low, high, first, settings.maxClustered())];
                parts = links.parts(level);
            }
            for (List<Article> part : parts) {
                double at = level;
                if (part.stream().anyMatch(a -> a.changed == regrouping || a.level != at || a.story == null)) {
                    cluster(part, level, self, revisions);
                }
            }
        }
        revisions.sort(Comparator.comparing(Revision::articleId));
        return revisions;
    }

    private int index(double level) {
        int i = Arrays.binarySearch(levels, level);
        if (i < 0) {
            throw new IllegalStateException("not a level a set is cut at: " + level);
        }
        return i;
    }

    /** Clusters one part at {@code level}, adding the articles other than {@code self} whose story moved. */
    private static void cluster(List<Article> part, double level, String self, List<Revision> revisions) {
        part.forEach(a -> a.level = level);
        for (List<Article> group : CompleteLinkage.groups(part, level)) {
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

    /**
     * The articles reachable from {@code start} through links of at least {@code level}, and not through {@code
     * avoid} (when given); each with its place in the list as its position.
     */
    private List<Article> reach(Article start, double level, Article avoid) {
        int visit = ++visits; // marks the articles reached in this walk: no set of ids to hash into
        if (avoid != null) {
            avoid.visited = visit;
        }
        List<Article> reached = new ArrayList<>();
        reached.add(start);
        start.visited = visit;
        start.position = 0;
        for (int next = 0; next < reached.size(); next++) {
            Article a = reached.get(next);
            for (int k = 0; k < a.links; k++) {
                Article o = a.similar[k];
                if (o.visited != visit && a.similarity[k] >= level) {
                    o.visited = visit;
                    o.position = reached.size();
                    reached.add(o);
                }
            }
        }
        return reached;
    }
}
