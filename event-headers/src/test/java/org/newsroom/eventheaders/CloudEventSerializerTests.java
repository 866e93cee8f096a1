package org.newsroom.eventheaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.AlertMatched;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.ArticleReceived;
import org.newsroom.contracts.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each contract event goes out in CloudEvents binary mode: the golden body unchanged, and exactly the
 * golden {@code *.headers.json} as headers, whatever headers the record carried before.
 */
class CloudEventSerializerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void articleReceivedGoesOutWithItsGoldenBodyAndHeaders() throws IOException {
        assertBinaryMode("article-received", ArticleReceived.class, Topics.ARTICLES_RAW);
    }

    @Test
    void articleEnrichedGoesOutWithItsGoldenBodyAndHeaders() throws IOException {
        assertBinaryMode("article-enriched", ArticleEnriched.class, Topics.ARTICLES_ENRICHED);
    }

    @Test
    void alertMatchedGoesOutWithItsGoldenBodyAndHeaders() throws IOException {
        assertBinaryMode("alert-matched", AlertMatched.class, Topics.ALERTS_MATCHED);
    }

    @Test
    void replacesTheHeadersOfTheEventItWasDerivedFrom() throws IOException {
        ArticleReceived received = JSON.readValue(golden("article-received.json").toString(), ArticleReceived.class);
        ArticleEnriched enriched = JSON.readValue(golden("article-enriched.json").toString(), ArticleEnriched.class);
        Headers headers = new RecordHeaders();
        serializer().serialize(Topics.ARTICLES_RAW, headers, received);

        serializer().serialize(Topics.ARTICLES_ENRICHED, headers, enriched);

        assertThat(texts(headers)).isEqualTo(expectedHeaders("article-enriched"));
    }

    @Test
    void leavesOutTheCorrelationIdOfAnArticleWithoutOne() {
        String minimal = """
                {"eventId":"6f1c1b4e-3f55-4f0e-9a43-0d5b7b0c2a11","occurredAt":"2019-05-13T08:00:01Z",
                 "articleId":"abc123","version":1,"source":{"name":"inbox","kind":"folder"},
                 "headline":"A headline","paragraphs":["One paragraph."]}""";
        Headers headers = new RecordHeaders();

        serializer().serialize(Topics.ARTICLES_RAW, headers, JSON.readValue(minimal, ArticleReceived.class));

        assertThat(texts(headers)).containsEntry(CloudEventHeaders.SUBJECT, "abc123")
                .doesNotContainKey(CloudEventHeaders.CORRELATION_ID);
    }

    @Test
    void aTombstoneCarriesNoEventNotEvenTheOneItWasDerivedFrom() throws IOException {
        ArticleReceived kill = JSON.readValue(golden("article-received.json").toString(), ArticleReceived.class);
        Headers headers = new RecordHeaders();
        serializer().serialize(Topics.ARTICLES_RAW, headers, kill);

        byte[] body = serializer().serialize(Topics.ARTICLES_ENRICHED, headers, null);

        assertThat(body).isNull();
        assertThat(headers.toArray()).isEmpty();
    }

    private static <T> void assertBinaryMode(String name, Class<T> type, String topic) throws IOException {
        JsonNode body = golden(name + ".json");
        T event = JSON.readValue(body.toString(), type);
        Headers headers = new RecordHeaders();

        byte[] written = serializer().serialize(topic, headers, event);

        assertThat(JSON.readTree(written)).isEqualTo(body);
        assertThat(texts(headers)).isEqualTo(expectedHeaders(name));
    }

    private static CloudEventSerializer<Object> serializer() {
        CloudEventSerializer<Object> serializer = new CloudEventSerializer<>();
        serializer.configure(Map.of(), false);
        return serializer;
    }

    private static Map<String, String> expectedHeaders(String name) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        golden(name + ".headers.json").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
        return expected;
    }

    private static Map<String, String> texts(Headers headers) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Header header : headers) {
            texts.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static JsonNode golden(String file) throws IOException {
        try (InputStream in = CloudEventSerializerTests.class.getResourceAsStream("/golden/" + file)) {
            return JSON.readTree(in);
        }
    }
}
