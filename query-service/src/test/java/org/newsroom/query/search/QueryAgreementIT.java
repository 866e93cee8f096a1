package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Dateline;
import org.newsroom.contracts.Dedup;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;
import org.newsroom.contracts.Source;
import org.newsroom.contracts.SourceKind;
import org.newsroom.contracts.Tag;
import org.newsroom.query.alerts.Alert;
import org.newsroom.query.alerts.SavedSearchMatcher;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.indexing.ArticleIndexer;
import org.newsroom.query.indexing.BulkOutcome;
import org.newsroom.query.language.IndexedArticle;
import org.newsroom.query.language.SearchFilters;
import org.newsroom.query.live.LiveFilter;
import org.newsroom.query.web.RunningQueryService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Property: for generated queries and articles, search (the real Elasticsearch node with the news_english
 * plugin, through the search API's query), saved searches and live streams find exactly the same articles.
 * Seeded: a failure names its seed and query, and re-runs identically with {@code -Dagreement.seed=N}.
 * Words come in several inflections and cases, with stop words, hyphens and possessives; queries mix words,
 * phrases cut from the articles, prefixes, NOT, OR, groups and stray operators; filters vary in case.
 */
@RunningQueryService
class QueryAgreementIT {

    private static final List<String> WORDS = List.of("sanction", "sanctions", "sanctioned", "Sanctioning", "bank",
            "Banks", "banking", "oil", "OIL", "prices", "priced", "talks", "talked", "Russia", "Russia's", "Venezuela",
            "e-mail", "U.S.", "the", "of", "and", "is", "england", "minister", "ministers", "election", "elections",
            "rate", "rates", "rating", "crisis", "crises", "running", "runs", "2019", "Pompeo");
    private static final List<String> TAG_IDS = List.of("medtop:11000000", "medtop:15000000", "medtop:04000000");
    private static final List<String> TAG_LABELS = List.of("Politics", "Sport", "Economy");
    private static final List<String> SOURCES = List.of("Reuters", "AP", "BBC News");
    private static final List<String> ENTITIES = List.of("Q298", "Q717", "Q30");
    private static final List<String> ENTITY_NAMES = List.of("Chile", "Venezuela", "United States");
    private static final Instant START = Instant.parse("2019-05-01T00:00:00Z");
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
            articles.add(article(random, run + "-" + i));
        }
        BulkOutcome outcome = indexer.write(articles, List.of());
        assertThat(outcome.written()).isEqualTo(ARTICLES);
        elasticsearch.indices().refresh(r -> r.index(index.alias()));
        List<IndexedArticle> indexed = articles.stream().map(IndexedArticle::of).toList();

        List<Alert> alerts = new ArrayList<>();
        List<LiveFilter> streams = new ArrayList<>();
        for (int q = 0; q < QUERIES; q++) {
            String text = random.nextInt(8) == 0 ? null : query(random, articles, 0);
            String tag = random.nextInt(4) == 0 ? cased(random, pick(random, random.nextBoolean() ? TAG_IDS : TAG_LABELS)) : null;
            String source = random.nextInt(5) == 0 ? cased(random, pick(random, SOURCES)) : null;
            String language = random.nextInt(6) == 0 ? cased(random, pick(random, List.of("en", "fr"))) : null;
            if (text == null && tag == null && source == null && language == null) {
                text = pick(random, WORDS);
            }
            alerts.add(new Alert("alert-" + q, "q" + q, text, tag, source, null, language, null, Instant.now(), "it"));
            streams.add(new LiveFilter(text, tag, source, null, language));
        }

        SavedSearchMatcher savedSearches = new SavedSearchMatcher(alerts);
        Map<String, Set<String>> savedMatches = new HashMap<>();
        for (IndexedArticle article : indexed) {
            savedSearches.matching(article).forEach(a -> savedMatches.computeIfAbsent(a.id(), id -> new HashSet<>())
                    .add(article.article().articleId()));
        }
        Set<String> runIds = articles.stream().map(ArticleEnriched::articleId).collect(Collectors.toSet());
        int nonEmpty = 0;
        for (int q = 0; q < QUERIES; q++) {
            Alert alert = alerts.get(q);
            SearchFilters filters = SearchFilters.of(alert.tag(), alert.source(), null, alert.language());
            Set<String> searched = search(new SearchRequest(alert.query(), filters, SearchSort.relevance, 0, ARTICLES,
                    null, false, false, "day"), runIds);
            var live = streams.get(q).matcher();
            Set<String> streamed = indexed.stream().filter(live::matches).map(a -> a.article().articleId())
                    .collect(Collectors.toSet());
            Set<String> saved = savedMatches.getOrDefault(alert.id(), Set.of());
            String what = "seed " + seed + ", query [" + alert.query() + "] tag=" + alert.tag() + " source="
                    + alert.source() + " language=" + alert.language();
            assertThat(saved).as("saved search vs search, " + what).isEqualTo(searched);
            assertThat(streamed).as("live stream vs search, " + what).isEqualTo(searched);
            nonEmpty += searched.isEmpty() || searched.size() == ARTICLES ? 0 : 1;
        }
        // the generator must produce discriminating queries, or agreement says little
        assertThat(nonEmpty).as("queries matching some but not all articles").isGreaterThan(QUERIES / 4);
    }

    private Set<String> search(SearchRequest request, Set<String> runIds) throws Exception {
        List<FieldValue> ids = runIds.stream().map(FieldValue::of).toList();
        Query restricted = Query.of(q -> q.bool(b -> b.must(SearchQueries.query(request))
                .filter(f -> f.terms(t -> t.field("articleId").terms(v -> v.value(ids))))));
        return elasticsearch.search(s -> s.index(index.alias()).size(ARTICLES).query(restricted)
                        .source(src -> src.fetch(false)), Void.class)
                .hits().hits().stream().map(h -> h.id()).collect(Collectors.toSet());
    }

    private static ArticleEnriched article(Random random, String id) {
        Instant now = Instant.now();
        int paragraphs = 1 + random.nextInt(3);
        List<String> body = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            body.add(sentence(random, 4 + random.nextInt(10)) + ".");
        }
        List<Tag> tags = new ArrayList<>();
        int tag = random.nextInt(TAG_IDS.size());
        if (random.nextInt(4) > 0) {
            tags.add(new Tag(TAG_IDS.get(tag), TAG_LABELS.get(tag), "medtop", 0.8, List.of()));
        }
        List<Entity> entities = new ArrayList<>();
        if (random.nextBoolean()) {
            int e = random.nextInt(ENTITIES.size());
            entities.add(new Entity(ENTITIES.get(e), ENTITY_NAMES.get(e), EntityType.place, List.of(), 1));
        }
        String source = pick(random, SOURCES);
        return new ArticleEnriched(UUID.randomUUID(), now, id, 1, new Source(source, SourceKind.http, "test:" + id),
                "text", "https://news.example/" + id, null, sentence(random, 3 + random.nextInt(6)), body,
                START.plus(Duration.ofHours(random.nextInt(240))), random.nextInt(3) == 0 ? "By " + sentence(random, 2) : null,
                new Dateline("LONDON", source), random.nextInt(5) == 0 ? "fr" : "en", List.of(), null, null, "test-1", now,
                tags, entities, Dedup.originalOf(id, "hash-" + id), "story-" + id);
    }

    private static String sentence(Random random, int words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            out.add(pick(random, WORDS));
        }
        return String.join(" ", out);
    }

    /** A random query: words, phrases cut from an article, prefixes, negation, alternatives, groups, noise. */
    private static String query(Random random, List<ArticleEnriched> articles, int depth) {
        int parts = 1 + random.nextInt(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            String part = switch (random.nextInt(depth < 2 ? 9 : 6)) {
                case 0, 1 -> pick(random, WORDS);
                case 2 -> "\"" + phrase(random, articles) + "\"";
                case 3 -> prefix(random);
                case 4 -> (random.nextBoolean() ? "-" : "NOT ") + pick(random, WORDS);
                case 5 -> pick(random, List.of("OR", "AND", "|", "+", ")", "(", "~2", "*", "\"")) ;
                case 6 -> pick(random, WORDS) + (random.nextBoolean() ? " OR " : " | ") + pick(random, WORDS);
                case 7 -> "(" + query(random, articles, depth + 1) + ")";
                default -> "-(" + query(random, articles, depth + 1) + ")";
            };
            out.add(part);
        }
        return String.join(" ", out);
    }

    private static String phrase(Random random, List<ArticleEnriched> articles) {
        ArticleEnriched article = pick(random, articles);
        String text = random.nextBoolean() ? article.headline() : pick(random, article.paragraphs());
        String[] words = text.replace(".", "").split(" ");
        int from = random.nextInt(words.length);
        int to = Math.min(words.length, from + 2 + random.nextInt(2));
        return String.join(" ", List.of(words).subList(from, to));
    }

    private static String prefix(Random random) {
        String word = pick(random, WORDS).replaceAll("[^\\p{L}\\p{N}]", "");
        return word.substring(0, Math.max(1, Math.min(word.length(), 3 + random.nextInt(4)))) + "*";
    }

    private static String cased(Random random, String value) {
        return switch (random.nextInt(3)) {
            case 0 -> value.toLowerCase(Locale.ROOT);
            case 1 -> value.toUpperCase(Locale.ROOT);
            default -> value;
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
