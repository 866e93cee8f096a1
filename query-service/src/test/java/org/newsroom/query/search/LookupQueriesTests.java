package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LookupQueriesTests {

    @Test
    void aStoryIsItsArticlesOldestFirstWithItsSpanAndSources() {
        JsonNode body = SearchQueriesTests.json(LookupQueries.story("articles", "story-7", 100));

        assertThat(body.at("/query/term/storyId/value").asString()).isEqualTo("story-7");
        assertThat(body.at("/sort/0/publishedAt/order").asString()).isEqualTo("asc");
        assertThat(body.at("/aggregations/first/min/field").asString()).isEqualTo("publishedAt");
        assertThat(body.at("/aggregations/last/max/field").asString()).isEqualTo("publishedAt");
        assertThat(body.at("/aggregations/sources/terms/field").asString()).isEqualTo("source.name");
    }

    @Test
    void aDuplicateGroupIsEveryArticleWithTheCanonicalOldestFirstCounted() {
        JsonNode body = SearchQueriesTests.json(LookupQueries.duplicates("articles", "a-original", 100));

        assertThat(body.at("/query/term/dedup.canonicalId/value").asString()).isEqualTo("a-original");
        assertThat(body.at("/sort/0/publishedAt/order").asString()).isEqualTo("asc");
        assertThat(body.path("track_total_hits").asBoolean()).isTrue();
        assertThat(body.path("size").asInt()).isEqualTo(100);
    }

    @Test
    void similarArticlesLeaveOutTheArticlesOwnDuplicateGroup() {
        JsonNode body = SearchQueriesTests.json(LookupQueries.similar("articles", "a-copy", "a-original", 5));

        JsonNode moreLikeThis = body.at("/query/bool/must/0/more_like_this");
        assertThat(moreLikeThis.path("fields").toString()).isEqualTo("[\"headline\",\"paragraphs\"]");
        assertThat(moreLikeThis.at("/like/0/_id").asString()).isEqualTo("a-copy");
        assertThat(body.at("/query/bool/must_not/0/term/dedup.canonicalId/value").asString()).isEqualTo("a-original");
        assertThat(body.at("/collapse/field").asString()).isEqualTo("dedup.canonicalId");
        assertThat(body.path("size").asInt()).isEqualTo(5);
    }

    @Test
    void suggestionsAskEachCompletionFieldForThePrefix() {
        JsonNode suggest = SearchQueriesTests.json(ArticleSuggestions.request("articles", "pomp", 8)).path("suggest");

        assertThat(suggest.at("/entity/prefix").asString()).isEqualTo("pomp");
        assertThat(suggest.at("/entity/completion/field").asString()).isEqualTo("entities.name.suggest");
        assertThat(suggest.at("/tag/completion/field").asString()).isEqualTo("tags.label.suggest");
        assertThat(suggest.at("/headline/completion/skip_duplicates").asBoolean()).isTrue();
    }
}
