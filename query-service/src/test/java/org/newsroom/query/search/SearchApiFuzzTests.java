package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.newsroom.query.QueryProperties;
import org.newsroom.query.indexing.ArticleDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Fuzz test (Jazzer) of the read API through the real MVC stack ({@code /api/search}, {@code /api/suggest},
 * {@code /api/articles/{id}}, {@code /api/articles/{id}/similar}, {@code /api/stories/{id}}): whatever the
 * path id and query parameters, the answer is 200 or a 4xx problem; never a 5xx, and never an exception
 * name or stack trace. The index is replaced by stubs that build (and serialise) the Elasticsearch query of
 * every search that passed validation and answer empty. Regression mode replays {@code SearchApiFuzzTestsInputs}.
 */
@WebMvcTest(controllers = {SearchController.class, ArticleController.class})
@Import({SearchApiFuzzTests.EmptyIndex.class, org.newsroom.query.web.QueryAccess.class})
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SearchApiFuzzTests {

    private static final String[] PATHS = {"/api/search", "/api/search", "/api/suggest", "/api/articles/{id}",
            "/api/articles/{id}/similar", "/api/stories/{id}"};
    private static final String[] PARAMETERS = {"q", "tag", "entity", "source", "agency", "language", "since",
            "until", "sort", "cursor", "from", "size", "duplicates", "facets", "interval", "prefix"};
    private static final Set<Integer> REFUSALS = Set.of(400, 404);

    /** Answers as an empty index would, after checking that the search's query can be sent to Elasticsearch. */
    @TestConfiguration
    @EnableConfigurationProperties(QueryProperties.class)
    static class EmptyIndex {

        @Bean
        ArticleSearch articleSearch(QueryProperties properties) {
            Jackson3JsonpMapper jsonp = new Jackson3JsonpMapper();
            return new ArticleSearch(null, null, properties) {
                @Override
                public SearchPage search(SearchRequest request) {
                    JsonpUtils.toJsonString(SearchQueries.search(properties.indexAlias(), request), jsonp);
                    return SearchPage.empty(request);
                }
            };
        }

        @Bean
        ArticleSuggestions articleSuggestions() {
            return new ArticleSuggestions(null, null) {
                @Override
                public Suggestions suggest(String prefix, int size) {
                    return new Suggestions(prefix, List.of());
                }
            };
        }

        @Bean
        ArticleLookup articleLookup() {
            return new ArticleLookup(null, null) {
                @Override
                public ArticleDocument article(String articleId) {
                    throw new ArticleNotFoundException("no article " + articleId);
                }

                @Override
                public Story story(String storyId, int size) {
                    throw new ArticleNotFoundException("no story " + storyId);
                }

                @Override
                public List<ArticleHit> similar(String articleId, int size) {
                    return List.of();
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @FuzzTest
    void anyRequestIsAnsweredOrRefusedWithAProblem(FuzzedDataProvider data) throws Exception {
        MockHttpServletRequestBuilder request = get(data.pickValue(PATHS), data.consumeString(150));
        for (int i = data.consumeInt(0, 12); i > 0; i--) {
            String name = data.consumeBoolean() ? data.pickValue(PARAMETERS) : data.consumeString(20);
            request.queryParam(name, data.consumeString(300));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        String answer = response.getContentAsString();
        assertThat(answer).as("no exception or stack trace is shown to clients")
                .doesNotContain("Exception", "\tat ", "\"trace\"");
        if (response.getStatus() != 200) {
            assertThat(response.getStatus()).as("a refusal is a 4xx problem: " + answer).isIn(REFUSALS);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
        }
    }
}
