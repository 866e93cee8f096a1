package org.newsroom.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden files in {@code src/test/resources/golden} are the readable schema of each topic's values: the
 * records must write exactly them and read them back unchanged. Changing a golden file is a contract change.
 */
class GoldenJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void articleReceivedWritesAndReadsItsGoldenJson() throws IOException {
        assertRoundTrip(ArticleFixtures.afpWireStoryReceived(), "article-received.json", ArticleReceived.class);
    }

    @Test
    void articleEnrichedWritesAndReadsItsGoldenJson() throws IOException {
        ArticleEnriched enriched = ArticleFixtures.afpWireStoryEnriched();
        ArticleEnriched fixed = new ArticleEnriched(UUID.fromString("0e8a5f7c-1d2b-4c3a-8e9f-7a6b5c4d3e2f"),
                enriched.occurredAt(), enriched.articleId(), enriched.version(), enriched.source(), enriched.format(),
                enriched.url(), enriched.guid(), enriched.headline(), enriched.paragraphs(), enriched.publishedAt(),
                enriched.byline(), enriched.dateline(), enriched.language(), enriched.removed(), enriched.pubStatus(),
                enriched.correlationId(), enriched.enrichmentVersion(), enriched.enrichedAt(), enriched.tags(), enriched.entities(),
                enriched.dedup(), enriched.storyId());
        assertRoundTrip(fixed, "article-enriched.json", ArticleEnriched.class);
    }

    @Test
    void alertMatchedWritesAndReadsItsGoldenJson() throws IOException {
        AlertMatched match = new AlertMatched(UUID.fromString("3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"),
                Instant.parse("2019-05-13T08:00:04Z"), "russia-watch", "Russia watch",
                "9b1d4c2a7f3e8d6b5a4c3b2a1f0e9d8c", "Pompeo in Russia: Five Talking Points");
        assertRoundTrip(match, "alert-matched.json", AlertMatched.class);
    }

    @Test
    void readsAnArticleWithoutOptionalFields() {
        String minimal = """
                {"eventId":"6f1c1b4e-3f55-4f0e-9a43-0d5b7b0c2a11","occurredAt":"2019-05-13T08:00:01Z",
                 "articleId":"abc123","version":1,"source":{"name":"inbox","kind":"folder"},
                 "headline":"A headline","paragraphs":["One paragraph."]}""";

        ArticleReceived article = JSON.readValue(minimal, ArticleReceived.class);

        assertThat(article.removed()).isEmpty();
        assertThat(article.publishedAt()).isNull();
        assertThat(article.pubStatus()).as("an article without a status is usable").isEqualTo(PubStatus.usable);
        assertThat(article.correlationId()).isNull();
        assertThat(article.body()).isEqualTo("One paragraph.");
        assertThat(article.extraction()).as("an article from before the field, or not from a web page").isNull();
    }

    @Test
    void webPageArticleCarriesHowItsTextWasFoundIntoEnrichment() {
        String page = """
                {"eventId":"6f1c1b4e-3f55-4f0e-9a43-0d5b7b0c2a11","occurredAt":"2019-05-13T08:00:01Z",
                 "articleId":"abc123","version":1,"source":{"name":"inbox","kind":"folder"},"format":"html",
                 "headline":"A headline","paragraphs":["One paragraph."],
                 "extraction":{"method":"jsonLd","confidence":0.6}}""";

        ArticleReceived article = JSON.readValue(page, ArticleReceived.class);
        ArticleEnriched enriched = ArticleEnriched.of(article, new Enrichment("0.1.0", List.of(), List.of(),
                Dedup.originalOf(article.articleId(), "minhash-lsh"), null), Instant.parse("2019-05-13T08:00:02Z"));

        assertThat(article.extraction()).isEqualTo(new Extraction(Extraction.Method.jsonLd, 0.6));
        assertThat(enriched.extraction()).isEqualTo(article.extraction());
        assertThat(enriched.withStoryId("s").withDedup(enriched.dedup()).extraction()).isEqualTo(article.extraction());
    }

    private static <T> void assertRoundTrip(T event, String golden, Class<T> type) throws IOException {
        JsonNode expected;
        try (InputStream in = GoldenJsonTests.class.getResourceAsStream("/golden/" + golden)) {
            expected = JSON.readTree(in);
        }
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(expected);
        assertThat(JSON.readValue(expected.toString(), type)).isEqualTo(event);
    }
}
