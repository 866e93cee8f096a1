package org.newsroom.query.indexing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The composable index template every article index ({@code <alias>-v<N>}) is created from: explicit strict
 * mappings in {@code elasticsearch/articles.json}, text fields analysed by {@code news_english}. Where the
 * news-english plugin is missing but the node has the built-in {@code english} analyzer (a full
 * distribution), the index defines {@code news_english} itself as that analyzer, so the mapping is the same.
 */
final class ArticleTemplate {

    static final String ANALYZER = "news_english";
    private static final String RESOURCE = "/elasticsearch/articles.json";

    /** Where the analyzer {@value #ANALYZER} comes from on a given node. */
    enum EnglishAnalysis {
        /** The node has the news-english stable plugin installed. */
        PLUGIN,
        /** No plugin, but the analysis-common module's {@code english} analyzer (same Lucene chain). */
        BUILT_IN
    }

    private ArticleTemplate() {
    }

    /** The template's name: the alias it serves. */
    static String name(String alias) {
        return alias;
    }

    /** The pattern of the versioned indices behind {@code alias}. */
    static String pattern(String alias) {
        return alias + "-v*";
    }

    /**
     * The body of {@code PUT _index_template/<alias>} for a node with the given English analysis, new indices
     * refreshing every {@code refreshInterval}.
     */
    static String body(String alias, EnglishAnalysis analysis, Duration refreshInterval, JsonMapper json) {
        ObjectNode template = (ObjectNode) resource(json);
        template.putArray("index_patterns").add(pattern(alias));
        ObjectNode settings = (ObjectNode) template.get("template").get("settings");
        settings.put("refresh_interval", interval(refreshInterval));
        if (analysis == EnglishAnalysis.BUILT_IN) {
            settings.putObject("analysis").putObject("analyzer").putObject(ANALYZER).put("type", "english");
        }
        return json.writeValueAsString(template);
    }

    /**
     * The body of {@code PUT <index>/_mapping} with the template's mappings: adds the fields a newer version
     * defines to an index an older version created (a changed field is refused, and needs a reindex).
     */
    static String mappings(JsonMapper json) {
        return json.writeValueAsString(resource(json).get("template").get("mappings"));
    }

    /** {@code duration} in Elasticsearch's time-unit syntax. */
    static String interval(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static JsonNode resource(JsonMapper json) {
        try (InputStream in = ArticleTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " missing from the classpath");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
