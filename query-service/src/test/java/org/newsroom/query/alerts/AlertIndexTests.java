package org.newsroom.query.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.query.language.FilterValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AlertIndexTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void mapsTheArticleFieldsOfATemplatePlusThePercolatorQueryAndTheAlert() {
        JsonNode template = json.readTree("""
                {"index_patterns": ["articles-v*"], "priority": 200,
                 "template": {"settings": {"number_of_shards": 1},
                              "mappings": {"dynamic": "strict", "properties": {
                                  "headline": {"type": "text", "analyzer": "news_english"},
                                  "tags": {"properties": {"id": {"type": "keyword"}}}}}}}
                """);

        JsonNode body = AlertIndex.indexBody(json, template, true);

        assertThat(body.path("settings").path("number_of_shards").asInt()).isEqualTo(1);
        assertThat(body.path("settings").path("refresh_interval").asString()).isEqualTo("1s");
        assertThat(body.has("index_patterns")).isFalse();
        JsonNode fields = body.path("mappings").path("properties");
        assertThat(body.path("mappings").path("dynamic").asString()).isEqualTo("strict");
        assertThat(fields.path("headline").path("analyzer").asString()).isEqualTo("news_english");
        assertThat(fields.path("tags").path("properties").path("id").path("type").asString()).isEqualTo("keyword");
        assertThat(fields.path("query").path("type").asString()).isEqualTo("percolator");
        assertThat(fields.path("alert").path("properties").path("name").path("type").asString()).isEqualTo("keyword");
    }

    @Test
    void mapsEverySavedSearchFilterAsAStrictIndexNeedsIt() {
        JsonNode alert = AlertIndex.indexBody(json, json.readTree("{}"), true)
                .path("mappings").path("properties").path("alert").path("properties");

        assertThat(alert.propertyNames()).containsAll(FilterValues.NAMES);
        assertThat(alert.path("tag").path("type").asString()).isEqualTo("keyword");
        assertThat(alert.path("extraction").path("type").asString()).isEqualTo("keyword");
        assertThat(alert.path("extractionConfidenceBelow").path("type").asString()).isEqualTo("float");
    }

    @Test
    void readsAPlainIndexBodyToo() {
        JsonNode plain = json.readTree("""
                {"mappings": {"properties": {"language": {"type": "keyword"}}}}""");

        JsonNode fields = AlertIndex.indexBody(json, plain, true).path("mappings").path("properties");

        assertThat(fields.propertyNames()).containsExactlyInAnyOrder("language", "query", "alert");
    }
}
