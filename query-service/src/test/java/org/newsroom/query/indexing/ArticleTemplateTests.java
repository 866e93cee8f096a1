package org.newsroom.query.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.newsroom.query.indexing.ArticleTemplate.EnglishAnalysis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArticleTemplateTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void coversEveryVersionedIndexBehindTheAliasWithStrictMappings() {
        JsonNode template = template(EnglishAnalysis.PLUGIN);

        assertThat(template.path("index_patterns").toString()).isEqualTo("[\"articles-v*\"]");
        assertThat(template.at("/template/mappings/dynamic").asString()).isEqualTo("strict");
        assertThat(template.has("aliases")).isFalse();
    }

    @Test
    void analysesHeadlineAndTextAsEnglishAndKeepsFacetFieldsExact() {
        JsonNode fields = template(EnglishAnalysis.PLUGIN).at("/template/mappings/properties");

        assertThat(fields.at("/headline/analyzer").asString()).isEqualTo("news_english");
        assertThat(fields.at("/paragraphs/analyzer").asString()).isEqualTo("news_english");
        for (String keyword : new String[] {"/tags/properties/id", "/tags/properties/label", "/entities/properties/id",
                "/entities/properties/name", "/source/properties/name", "/dateline/properties/agency", "/language",
                "/storyId", "/dedup/properties/canonicalId", "/dedup/properties/status", "/articleId"}) {
            assertThat(fields.at(keyword + "/type").asString()).as(keyword).isEqualTo("keyword");
        }
        assertThat(fields.at("/publishedAt/type").asString()).isEqualTo("date");
    }

    @Test
    void mapsHowAWebPageArticleWasExtractedSoWeakExtractionsCanBeFound() {
        JsonNode extraction = template(EnglishAnalysis.PLUGIN).at("/template/mappings/properties/extraction/properties");

        assertThat(extraction.at("/method/type").asString()).isEqualTo("keyword");
        assertThat(extraction.at("/confidence/type").asString()).isEqualTo("float");
    }

    @Test
    void usesThePluginAnalyzerAsIsWhereInstalled() {
        assertThat(template(EnglishAnalysis.PLUGIN).at("/template/settings").has("analysis")).isFalse();
    }

    @Test
    void definesNewsEnglishAsTheBuiltInEnglishAnalyzerOnAFullDistributionWithoutThePlugin() {
        JsonNode analyzer = template(EnglishAnalysis.BUILT_IN).at("/template/settings/analysis/analyzer/news_english");

        assertThat(analyzer.path("type").asString()).isEqualTo("english");
    }

    @Test
    void newIndicesRefreshAsOftenAsConfigured() {
        JsonNode settings = JSON.readTree(ArticleTemplate.body("articles", EnglishAnalysis.PLUGIN,
                Duration.ofMillis(250), JSON)).at("/template/settings");

        assertThat(settings.path("refresh_interval").asString()).isEqualTo("250ms");
    }

    private static JsonNode template(EnglishAnalysis analysis) {
        return JSON.readTree(ArticleTemplate.body("articles", analysis, Duration.ofSeconds(1), JSON));
    }
}
