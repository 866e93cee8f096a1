package org.newsroom.query.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Tag;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.language.IndexedArticle;
import org.newsroom.query.language.QueryMatcher;

/**
 * Saved-search matching throughput ({@code scripts/alerts-bench.sh}): articles per second through
 * {@link SavedSearchMatcher} (the code {@link AlertPercolator} runs: index the article in memory, pre-filter by
 * required terms, run the candidates), for 100, 1,000 and 10,000 saved searches, next to running every search
 * on every article. Saved searches are drawn from the words and headlines of Reuters-21578's ModApte TRAIN
 * stories; the articles matched are its TEST stories (disjoint). Settings: BENCH_SEARCHES (comma-separated
 * sizes), BENCH_ARTICLES (articles per run), BENCH_SEED. No engine is started: matching is in memory.
 */
public final class SavedSearchBench {

    private SavedSearchBench() {
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(env("BENCH_SEED", "1"));
        int articleCount = Integer.parseInt(env("BENCH_ARTICLES", "2000"));
        List<Integer> sizes = List.of(env("BENCH_SEARCHES", "100,1000,10000").split(",")).stream()
                .map(String::strip).map(Integer::parseInt).toList();
        List<ReutersStory> stories = Reuters21578.read(dataDir().resolve("reuters21578")).stream()
                .filter(s -> !s.paragraphs().isEmpty() && !s.title().isBlank()).toList();
        List<ReutersStory> train = stories.stream().filter(s -> s.split() == ReutersStory.ModApte.train).toList();
        List<ArticleEnriched> articles = stories.stream().filter(s -> s.split() == ReutersStory.ModApte.test)
                .limit(articleCount).map(SavedSearchBench::article).toList();
        Random random = new Random(seed);
        List<String> words = vocabulary(train);
        log("%,d TEST articles, searches drawn from %,d TRAIN stories (%,d words), seed %d", articles.size(),
                train.size(), words.size(), seed);
        run(searches(random, words, train, 200), articles.subList(0, Math.min(200, articles.size())), 200); // warm-up
        log("%-9s %-14s %12s %14s %12s %10s", "searches", "matching", "articles/s", "runs/article", "matches/art", "build ms");
        for (int size : sizes) {
            List<Alert> alerts = searches(random, words, train, size);
            long built = System.nanoTime();
            SavedSearchMatcher matcher = new SavedSearchMatcher(alerts);
            double buildMs = (System.nanoTime() - built) / 1e6;
            long start = System.nanoTime();
            long runs = 0;
            long matches = 0;
            for (ArticleEnriched article : articles) {
                IndexedArticle indexed = IndexedArticle.of(article);
                runs += matcher.candidates(indexed).cardinality();
                matches += matcher.matching(indexed).size();
            }
            report(size, "pre-filtered", articles.size(), System.nanoTime() - start, runs, matches, buildMs);
            // every search on every article, on fewer articles when that would take long
            List<QueryMatcher> each = alerts.stream().map(a -> a.toQuery().matcher()).toList();
            List<ArticleEnriched> sample = articles.subList(0, Math.max(20, Math.min(articles.size(), 2_000_000 / size)));
            start = System.nanoTime();
            matches = 0;
            for (ArticleEnriched article : sample) {
                IndexedArticle indexed = IndexedArticle.of(article);
                matches += each.stream().filter(m -> m.matches(indexed)).count();
            }
            report(size, "each one run", sample.size(), System.nanoTime() - start, (long) size * sample.size(), matches, 0);
        }
    }

    private static void run(List<Alert> alerts, List<ArticleEnriched> articles, int times) {
        SavedSearchMatcher matcher = new SavedSearchMatcher(alerts);
        for (int i = 0; i < times / articles.size() + 1; i++) {
            articles.forEach(a -> matcher.matching(IndexedArticle.of(a)));
        }
    }

    private static void report(int size, String how, int articles, long nanos, long runs, long matches, double buildMs) {
        log("%,-9d %-14s %,12.0f %,14.1f %,12.2f %,10.0f", size, how, articles / (nanos / 1e9), (double) runs / articles,
                (double) matches / articles, buildMs);
    }

    /**
     * A newsroom's mix: one to three words (60%), a two-word phrase from a headline (15%), alternatives (10%),
     * a word without another (5%), a word within a Reuters topic (5%), a prefix (5%).
     */
    static List<Alert> searches(Random random, List<String> words, List<ReutersStory> train, int count) {
        List<Alert> alerts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            String tag = null;
            String query;
            if (kind < 60) {
                query = String.join(" ", pickN(random, words, 1 + random.nextInt(3)));
            } else if (kind < 75) {
                query = "\"" + headlinePair(random, train) + "\"";
            } else if (kind < 85) {
                query = String.join(" OR ", pickN(random, words, 2 + random.nextInt(2)));
            } else if (kind < 90) {
                query = pick(random, words) + " -" + pick(random, words);
            } else if (kind < 95) {
                query = pick(random, words);
                ReutersStory story = pick(random, train);
                tag = story.topics().isEmpty() ? "earn" : pick(random, story.topics());
            } else {
                String word = pick(random, words);
                query = word.substring(0, Math.min(word.length(), 5)) + "*";
            }
            alerts.add(new Alert("bench-" + i, "bench " + i, query, new FilterValues(tag, null, null, null, null, null), null,
                    Instant.EPOCH, "bench"));
        }
        return alerts;
    }

    /** Words of four letters or more that occur in 3 to 500 TRAIN stories: what people set alerts on. */
    private static List<String> vocabulary(List<ReutersStory> train) {
        Map<String, Integer> stories = new HashMap<>();
        for (ReutersStory story : train) {
            List.of((story.title() + " " + story.body()).toLowerCase(Locale.ROOT).split("[^a-z]+")).stream()
                    .filter(w -> w.length() >= 4).distinct().forEach(w -> stories.merge(w, 1, Integer::sum));
        }
        return stories.entrySet().stream().filter(e -> e.getValue() >= 3 && e.getValue() <= 500).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private static String headlinePair(Random random, List<ReutersStory> train) {
        String[] words = pick(random, train).title().toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        if (words.length < 2) {
            return words.length == 1 ? words[0] : "oil prices";
        }
        int from = random.nextInt(words.length - 1);
        return words[from] + " " + words[from + 1];
    }

    private static ArticleEnriched article(ReutersStory story) {
        Instant now = Instant.now();
        String id = "r" + story.newId();
        return new ArticleEnriched(UUID.randomUUID(), now, id, 1, new Source("Reuters", SourceKind.folder, "reuters:" + id),
                "sgml", null, null, story.title(), story.paragraphs(),
                story.date() == null ? Instant.parse("1987-03-01T12:00:00Z") : story.date(), null, null, "en", List.of(),
                null, null, "bench", now,
                story.topics().stream().map(t -> new Tag("reuters:" + t, t, "reuters-topics", 1.0, List.of())).toList(),
                List.of(), Dedup.originalOf(id, "hash-" + id), "story-" + id);
    }

    private static List<String> pickN(Random random, List<String> values, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pick(random, values));
        }
        return out;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path dataDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/reuters21578"))) {
                return dir.resolve("data");
            }
        }
        throw new IllegalStateException("data/reuters21578 not found above " + Path.of("").toAbsolutePath());
    }

    private static void log(String format, Object... args) {
        System.out.printf("[alerts-bench] " + format + "%n", args);
    }
}
