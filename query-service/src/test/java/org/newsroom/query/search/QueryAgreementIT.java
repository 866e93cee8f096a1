package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.query.language.RandomQueries.cased;
import static org.newsroom.query.language.RandomQueries.pick;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Extraction;
import org.newsroom.query.alerts.Alert;
import org.newsroom.query.alerts.SavedSearchMatcher;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.indexing.ArticleIndexer;
import org.newsroom.query.indexing.BulkOutcome;
import org.newsroom.query.language.FilterValues;
import org.newsroom.query.language.IndexedArticle;
import org.newsroom.query.language.RandomQueries;
import org.newsroom.query.language.SearchFilters;
import org.newsroom.query.live.LiveFilter;
import org.newsroom.query.web.RunningQueryService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Property: for generated queries and articles ({@link RandomQueries}), search (the real Elasticsearch node with the news_english
 * plugin, through the search API's query), saved searches and live streams find exactly the same articles.
 * Seeded: a failure names its seed and query, and re-runs identically with {@code -Dagreement.seed=N}.
 */
@RunningQueryService
class QueryAgreementIT {

    private static final int ARTICLES = 60;
    private static final int QUERIES = 400;

    @Autowired
    ArticleIndexer indexer;
    @Autowired
    ArticleIndex index;
    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void searchSavedSearchesAndLiveStreamsMatchTheSameArticles() throws Exception {
        long seed = Long.getLong("agreement.seed", 20261202L);
        Random random = new Random(seed);
        String run = "agree-" + UUID.randomUUID().toString().substring(0, 8);
        List<ArticleEnriched> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(RandomQueries.article(random, run + "-" + i));
        }
        BulkOutcome outcome = indexer.write(articles, List.of());
        assertThat(outcome.written()).isEqualTo(ARTICLES);
        elasticsearch.indices().refresh(r -> r.index(index.alias()));
        List<IndexedArticle> indexed = articles.stream().map(IndexedArticle::of).toList();

        List<Alert> alerts = new ArrayList<>();
        List<LiveFilter> streams = new ArrayList<>();
        for (int q = 0; q < QUERIES; q++) {
            String text = random.nextInt(8) == 0 ? null : RandomQueries.query(random, articles);
            String tag = random.nextInt(4) == 0 ? cased(random, pick(random, random.nextBoolean() ? RandomQueries.TAG_IDS : RandomQueries.TAG_LABELS)) : null;
            String source = random.nextInt(5) == 0 ? cased(random, pick(random, RandomQueries.SOURCES)) : null;
            String language = random.nextInt(6) == 0 ? cased(random, pick(random, List.of("en", "fr"))) : null;
            Extraction.Method method = random.nextInt(5) == 0 ? pick(random, List.of(Extraction.Method.values())) : null;
            Double below = random.nextInt(5) == 0 ? confidenceBound(random, articles) : null;
            if (text == null && tag == null && source == null && language == null) {
                text = pick(random, RandomQueries.WORDS);
            }
            FilterValues filters = new FilterValues(tag, source, null, language, method, below);
            alerts.add(new Alert("alert-" + q, "q" + q, text, filters, null, Instant.now(), "it"));
            streams.add(new LiveFilter(text, filters));
        }

        SavedSearchMatcher savedSearches = new SavedSearchMatcher(alerts);
        Map<String, Set<String>> savedMatches = new HashMap<>();
        for (IndexedArticle article : indexed) {
            savedSearches.matching(article).forEach(a -> savedMatches.computeIfAbsent(a.id(), id -> new HashSet<>())
                    .add(article.article().articleId()));
        }
        Set<String> runIds = articles.stream().map(ArticleEnriched::articleId).collect(Collectors.toSet());
        int nonEmpty = 0;
        int byExtraction = 0;
        for (int q = 0; q < QUERIES; q++) {
            Alert alert = alerts.get(q);
            SearchFilters filters = alert.filters().toSearchFilters();
            Set<String> searched = search(new SearchRequest(alert.query(), filters, SearchSort.relevance, 0, ARTICLES,
                    null, false, false, "day"), runIds);
            var live = streams.get(q).matcher();
            Set<String> streamed = indexed.stream().filter(live::matches).map(a -> a.article().articleId())
                    .collect(Collectors.toSet());
            Set<String> saved = savedMatches.getOrDefault(alert.id(), Set.of());
            String what = "seed " + seed + ", query [" + alert.query() + "] " + alert.filters();
            assertThat(saved).as("saved search vs search, " + what).isEqualTo(searched);
            assertThat(streamed).as("live stream vs search, " + what).isEqualTo(searched);
            boolean discriminating = !searched.isEmpty() && searched.size() < ARTICLES;
            nonEmpty += discriminating ? 1 : 0;
            byExtraction += discriminating && (alert.filters().extraction() != null
                    || alert.filters().extractionConfidenceBelow() != null) ? 1 : 0;
        }
        // the generator must produce discriminating queries, or agreement says little
        assertThat(nonEmpty).as("queries matching some but not all articles").isGreaterThan(QUERIES / 4);
        assertThat(byExtraction).as("of them, queries with an extraction filter").isGreaterThan(QUERIES / 20);
    }

    /**
     * Half the time a hair either side of (or at) an article's own confidence: above it as a double but the same
     * float is where a matcher comparing doubles would disagree with the node's float field.
     */
    private static double confidenceBound(Random random, List<ArticleEnriched> articles) {
        List<Double> held = articles.stream().filter(a -> a.extraction() != null).map(a -> a.extraction().confidence()).toList();
        if (random.nextBoolean() || held.isEmpty()) {
            return RandomQueries.confidenceBound(random);
        }
        return Math.clamp(pick(random, held) + pick(random, List.of(-1e-9, 0.0, 1e-9)), 0.0, 1.0);
    }

    private Set<String> search(SearchRequest request, Set<String> runIds) throws Exception {
        List<FieldValue> ids = runIds.stream().map(FieldValue::of).toList();
        Query restricted = Query.of(q -> q.bool(b -> b.must(SearchQueries.query(request))
                .filter(f -> f.terms(t -> t.field("articleId").terms(v -> v.value(ids))))));
        return elasticsearch.search(s -> s.index(index.alias()).size(ARTICLES).query(restricted)
                        .source(src -> src.fetch(false)), Void.class)
                .hits().hits().stream().map(h -> h.id()).collect(Collectors.toSet());
    }
}
