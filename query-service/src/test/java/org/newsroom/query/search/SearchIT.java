package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Extraction;
import org.newsroom.contracts.Tag;
import org.newsroom.query.indexing.ArticleIndex;
import org.newsroom.query.indexing.ArticleIndexer;
import org.newsroom.query.indexing.BulkOutcome;
import org.newsroom.query.web.RunningQueryService;
import org.newsroom.query.web.TestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search API over HTTP on the real Elasticsearch node (with the news_english plugin): the five seeds, a
 * trimmed republication of seed 0, a wire story about sanctions and a football report, all under a tag of
 * their own so other tests' articles in the shared index do not change the counts.
 */
@RunningQueryService
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

    private final String run = "search-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Tag scope = SeedArticles.scope(run);
    private final Tag webPages = SeedArticles.scope(run + "-web");
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    ArticleIndexer indexer;
    @Autowired
    ArticleIndex index;
    @Autowired
    ElasticsearchClient elasticsearch;

    @BeforeAll
    void indexTheSeedsAndCraftedArticles() throws Exception {
        List<ArticleEnriched> articles = new ArrayList<>(SeedArticles.seeds(run, scope));
        articles.add(SeedArticles.trimmedRepublication(articles.getFirst(), run + "-copy0", "Yahoo News"));
        articles.add(SeedArticles.article(run + "-wire", "Reuters", "Reuters", Instant.parse("2019-05-08T09:00:00Z"),
                List.of(SeedArticles.POLITICS, scope), List.of(SeedArticles.VENEZUELA),
                "U.S. widens oil sanctions on Venezuela", List.of("Washington imposed new sanctions on Venezuela's oil exports.")));
        articles.add(SeedArticles.article(run + "-football", "BBC", null, Instant.parse("2019-05-04T18:00:00Z"),
                List.of(SeedArticles.SPORT, scope), List.of(), "Late penalty sends Rovers through",
                List.of("A stoppage-time penalty gave Rovers a 2-1 win.")));
        // Two web pages, outside the scope tag so the other tests' counts stay the seeds' own.
        articles.add(TestArticles.fromWebPage(SeedArticles.article(run + "-fallback", "Harbour Gazette", null,
                Instant.parse("2019-05-09T08:00:00Z"), List.of(webPages), List.of(), "Lighthouse keepers return",
                List.of("Keepers are back at the lighthouse.")), new Extraction(Extraction.Method.largestBlock, 0.3)));
        articles.add(TestArticles.fromWebPage(SeedArticles.article(run + "-clean", "Harbour Gazette", null,
                Instant.parse("2019-05-09T09:00:00Z"), List.of(webPages), List.of(), "Harbour dredging to start",
                List.of("Dredging of the harbour starts in June, the port authority said.")),
                new Extraction(Extraction.Method.articleBody, 0.92)));
        BulkOutcome outcome = indexer.write(articles, List.of());
        assertThat(outcome.written()).isEqualTo(articles.size());
        elasticsearch.indices().refresh(r -> r.index(index.alias()));
    }

    @Test
    void sanctionFindsTheArticlesMentioningSanctions() throws Exception {
        JsonNode page = search("q=sanction");

        assertThat(ids(page)).containsExactlyInAnyOrder(run + "-seed2", run + "-seed4", run + "-wire");
        assertThat(ids(search("q=sanctions"))).isEqualTo(ids(page));
        assertThat(page.at("/hits/0/id").asString()).isEqualTo(run + "-wire"); // in the headline: ranked first
        assertThat(page.at("/hits/0/headlineHighlight").asString()).contains("<mark>sanctions</mark>");
    }

    @Test
    void foldsATrimmedRepublicationUnderItsOriginalWithCountOne() throws Exception {
        JsonNode page = search("q=%22Arctic%20Council%22");

        assertThat(ids(page)).containsExactly(run + "-seed0");
        JsonNode hit = page.at("/hits/0");
        assertThat(hit.path("republicationCount").asInt()).isEqualTo(1);
        assertThat(hit.at("/republications/0/id").asString()).isEqualTo(run + "-copy0");
        assertThat(hit.at("/republications/0/source/name").asString()).isEqualTo("Yahoo News");
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("groups").asLong()).isEqualTo(1);

        JsonNode included = search("q=%22Arctic%20Council%22&duplicates=include");
        assertThat(ids(included)).containsExactlyInAnyOrder(run + "-seed0", run + "-copy0");
        JsonNode count = included.at("/hits/0/republicationCount");
        assertThat(count.isNull() || count.isMissingNode()).as("no count when duplicates are included").isTrue();
    }

    @Test
    void countsFacetsOverAllMatches() throws Exception {
        JsonNode facets = search("size=1&duplicates=include").path("facets");

        assertThat(buckets(facets.path("sources"))).containsExactlyInAnyOrderEntriesOf(Map.of("AP", 1L, "VOA", 1L,
                "AFP", 1L, "The National", 1L, "Breitbart", 1L, "Yahoo News", 1L, "Reuters", 1L, "BBC", 1L));
        assertThat(buckets(facets.path("agencies"))).containsExactlyInAnyOrderEntriesOf(Map.of("AP", 2L, "AFP", 1L, "Reuters", 1L));
        assertThat(buckets(facets.path("tags"))).containsEntry("medtop:11000000", 7L).containsEntry("medtop:15000000", 1L)
                .containsEntry(scope.id(), 8L);
        assertThat(facets.path("tags").findValuesAsString("label")).contains("politics", "sport");
        assertThat(buckets(facets.path("entities"))).containsEntry("Q717", 7L).containsEntry("Q7747", 3L)
                .containsEntry("Q473239", 5L);
        assertThat(facets.path("entities").findValuesAsString("label")).contains("Vladimir Putin", "Venezuela");
        assertThat(facets.path("published").size()).isEqualTo(6);
        assertThat(facets.at("/published/0/count").asLong()).isEqualTo(2); // 3 May: seed 0 and its copy
    }

    @Test
    void filtersCombineAcrossKindsAndAlternateWithinOne() throws Exception {
        assertThat(ids(search("source=AFP"))).containsExactly(run + "-seed2");
        assertThat(ids(search("source=AFP&source=VOA"))).containsExactlyInAnyOrder(run + "-seed1", run + "-seed2");
        assertThat(ids(search("agency=AP&duplicates=include"))).containsExactlyInAnyOrder(run + "-seed0", run + "-copy0");
        assertThat(ids(search("entity=Vladimir%20Putin&since=2019-05-06"))).containsExactlyInAnyOrder(run + "-seed3", run + "-seed4");
        assertThat(ids(search("entity=Q7747&until=2019-05-05"))).containsExactly(run + "-seed1");
        assertThat(ids(search("tag=sport&size=100"))).containsExactly(run + "-football");
        assertThat(ids(search("q=penalty&tag=politics&size=100"))).isEmpty();
    }

    @Test
    void findsTheWebPageWhoseExtractorFellBackAndNotTheCleanOne() throws Exception {
        String web = "/api/search?tag=" + URLEncoder.encode(webPages.id(), StandardCharsets.UTF_8);

        assertThat(ids(get(web + "&extractionConfidenceBelow=0.5"))).containsExactly(run + "-fallback");
        assertThat(ids(get(web + "&extraction=largestBlock&extraction=jsonLd"))).containsExactly(run + "-fallback");
        assertThat(ids(get(web + "&extraction=articleBody&extractionConfidenceBelow=0.5"))).isEmpty();
        JsonNode page = get(web);
        assertThat(buckets(page.at("/facets/extractions")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("largestBlock", 1L, "articleBody", 1L));
        JsonNode fallback = page.path("hits").valueStream()
                .filter(hit -> hit.path("id").asString().equals(run + "-fallback")).findFirst().orElseThrow();
        assertThat(fallback.at("/extraction/method").asString()).isEqualTo("largestBlock");
        assertThat(fallback.at("/extraction/confidence").asDouble()).isEqualTo(0.3);
        assertThat(ids(search("extractionConfidenceBelow=1"))).as("the seeds are no web pages").isEmpty();
        assertThat(send("/api/search?extraction=fallback").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesThroughEveryArticleOnceWithTheCursor() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = search("size=3&sort=date&duplicates=include&facets=false" + cursor);
            seen.addAll(ids(page));
            cursor = page.path("nextCursor").isString() ? "&cursor=" + page.path("nextCursor").asString() : null;
        } while (cursor != null);

        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(seen.getFirst()).isEqualTo(run + "-wire");
        assertThat(seen.getLast()).isEqualTo(run + "-seed0");
    }

    @Test
    void readsAnArticleAStoryAndSimilarArticles() throws Exception {
        assertThat(get("/api/articles/" + run + "-seed2").path("headline").asString()).isEqualTo("Pompeo in Russia: Five Talking Points");

        JsonNode story = get("/api/stories/story-" + run + "-seed0");
        assertThat(story.path("total").asInt()).isEqualTo(2);
        assertThat(ids(story.path("articles"))).containsExactly(run + "-seed0", run + "-copy0");

        JsonNode group = get("/api/articles/" + run + "-copy0/duplicates");
        assertThat(group.path("canonicalId").asString()).isEqualTo(run + "-seed0");
        assertThat(group.path("total").asInt()).isEqualTo(2);
        assertThat(ids(group.path("articles"))).containsExactly(run + "-seed0", run + "-copy0");

        List<String> similar = ids(get("/api/articles/" + run + "-seed0/similar?size=5"));
        assertThat(similar).isNotEmpty().doesNotContain(run + "-seed0", run + "-copy0");
    }

    @Test
    void suggestsEntitiesAndHeadlinesFromAPrefix() throws Exception {
        JsonNode suggestions = get("/api/suggest?prefix=pompeo%20in").path("suggestions");

        assertThat(suggestions.findValuesAsString("text")).contains("Pompeo in Russia: Five Talking Points");
        assertThat(get("/api/suggest?prefix=vladimir").path("suggestions").findValuesAsString("text")).contains("Vladimir Putin");
    }

    @Test
    void answersBadRequestsWithProblemDetailsAndNoStackTrace() throws Exception {
        for (String query : List.of("size=1000", "size=abc", "cursor=forged", "sort=newest", "since=yesterday",
                "q=" + "x".repeat(1001))) {
            HttpResponse<String> response = send("/api/search?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
            assertThat(response.body()).as(query).doesNotContain("Exception", "\tat ");
        }
        HttpResponse<String> missing = send("/api/articles/no-such-article");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).path("title").asString()).isEqualTo("Not found");
        assertThat(send("/api/articles/not..an..id").statusCode()).isEqualTo(400);
    }

    @Test
    void publishesItsOpenApiDescription() throws Exception {
        JsonNode spec = json.readTree(send("/v3/api-docs").body());

        assertThat(spec.path("paths").propertyNames()).contains("/api/search", "/api/suggest", "/api/articles/{id}",
                "/api/articles/{id}/similar", "/api/articles/{id}/duplicates", "/api/stories/{id}");
        assertThat(spec.at("/paths/~1api~1search/get/parameters").findValuesAsString("name"))
                .contains("tag", "source", "extraction", "extractionConfidenceBelow");
        // A saved search is described as it is stored and listed: its filters unwrapped, no "filters" or "empty".
        assertThat(spec.at("/components/schemas/Alert/properties").propertyNames())
                .contains("tag", "source", "agency", "language", "extraction", "extractionConfidenceBelow")
                .doesNotContain("filters", "empty");
        assertThat(send("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private JsonNode search(String query) throws Exception {
        String scoped = "/api/search?tag=" + URLEncoder.encode(scope.id(), StandardCharsets.UTF_8) + "&" + query;
        if (query.contains("tag=")) {
            // A second tag filter would be an alternative: scope by the run's id prefix instead.
            scoped = "/api/search?" + query;
        }
        JsonNode page = get(scoped);
        if (query.contains("tag=")) {
            List<JsonNode> own = new ArrayList<>();
            page.path("hits").forEach(hit -> {
                if (hit.path("id").asString().startsWith(run)) {
                    own.add(hit);
                }
            });
            return json.createObjectNode().set("hits", json.valueToTree(own));
        }
        return page;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The ids of a page's hits, or of a plain list of hits. */
    private static List<String> ids(JsonNode page) {
        return (page.isArray() ? page : page.path("hits")).valueStream().map(hit -> hit.path("id").asString()).toList();
    }

    private static Map<String, Long> buckets(JsonNode buckets) {
        return buckets.valueStream().collect(Collectors.toMap(b -> b.path("key").asString(), b -> b.path("count").asLong()));
    }
}
