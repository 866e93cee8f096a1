package org.newsroom.query.search;

import org.newsroom.query.language.SearchFilters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.newsroom.contracts.ArticleEnriched;

/**
 * The benchmark's query mix, as the search page sends it (size 10, facets, duplicates collapsed unless
 * said): words and pairs drawn from real headlines, phrases, OR, tag and source filters, date order,
 * date-range browsing and duplicates included. Seeded, so runs compare.
 */
final class BenchQueries {

    private static final Set<String> STOP = Set.of("about", "after", "again", "their", "there", "these", "which",
            "would", "could", "should", "while", "where", "other", "under", "first", "since", "being");

    private final List<String[]> headlines = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> sources = List.of("Reuters", "BBC", "AP", "AFP", "Bloomberg", "Guardian");
    private final Random random;

    BenchQueries(List<ArticleEnriched> base, long seed) {
        this.random = new Random(seed);
        for (ArticleEnriched article : base) {
            String[] words = article.headline().toLowerCase().replaceAll("[^a-z ]", " ").strip().split("\\s+");
            List<String> useful = new ArrayList<>();
            for (String word : words) {
                if (word.length() >= 5 && !STOP.contains(word)) {
                    useful.add(word);
                }
            }
            if (useful.size() >= 2) {
                headlines.add(useful.toArray(String[]::new));
            }
            article.tags().forEach(t -> tags.add(t.id()));
        }
    }

    /** One request of the mix, named by its kind for the per-kind figures. */
    record Query(String kind, SearchRequest request) {
    }

    Query next() {
        String[] words = headlines.get(random.nextInt(headlines.size()));
        String a = words[random.nextInt(words.length)];
        String b = words[random.nextInt(words.length)];
        int dice = random.nextInt(100);
        if (dice < 30) {
            return query("word", a, SearchFilters.NONE, SearchSort.relevance, true);
        }
        if (dice < 50) {
            return query("two-words", a + " " + b, SearchFilters.NONE, SearchSort.relevance, true);
        }
        if (dice < 60) {
            return query("phrase", "\"" + words[0] + " " + words[1] + "\"", SearchFilters.NONE, SearchSort.relevance, true);
        }
        if (dice < 70) {
            return query("or", a + " OR " + b, SearchFilters.NONE, SearchSort.relevance, true);
        }
        if (dice < 80) {
            String tag = tags.get(random.nextInt(tags.size()));
            return query("word+tag", a, filters(List.of(tag), List.of(), null), SearchSort.relevance, true);
        }
        if (dice < 90) {
            String source = sources.get(random.nextInt(sources.size()));
            return query("word+source+date", a, filters(List.of(), List.of(source), null), SearchSort.date, true);
        }
        if (dice < 95) {
            Instant since = Instant.parse("1987-02-20T00:00:00Z").plus(random.nextInt(60), ChronoUnit.DAYS);
            return query("browse+dates", null, filters(List.of(), List.of(), since), SearchSort.date, true);
        }
        return query("word+duplicates", a, SearchFilters.NONE, SearchSort.relevance, false);
    }

    private static SearchFilters filters(List<String> tags, List<String> sources, Instant since) {
        return new SearchFilters(tags, null, sources, null, null, since, since == null ? null : since.plus(7, ChronoUnit.DAYS), null, null);
    }

    private static Query query(String kind, String q, SearchFilters filters, SearchSort sort, boolean collapse) {
        return new Query(kind, new SearchRequest(q, filters, sort, 0, 10, null, collapse, true, "month"));
    }
}
