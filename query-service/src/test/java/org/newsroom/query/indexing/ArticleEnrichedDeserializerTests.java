package org.newsroom.query.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.newsroom.query.web.TestArticles;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** The indexer's consumer reads values through this deserializer, set up by name as application.yaml does. */
class ArticleEnrichedDeserializerTests {

    private final ErrorHandlingDeserializer<ArticleEnriched> consumerValues = asTheIndexerConfiguresIt();

    @Test
    void readsAnArticleWhateverTypeItsHeadersName() {
        ArticleEnriched article = TestArticles.venezuelaStory("typed");
        RecordHeaders headers = new RecordHeaders();
        headers.add("__TypeId__", "org.example.SomethingElse".getBytes(StandardCharsets.UTF_8));

        assertThat(consumerValues.deserialize(Topics.ARTICLES_ENRICHED, headers, json(article))).isEqualTo(article);
    }

    @Test
    void anUnreadableValueIsNullWithItsCauseInAHeader() {
        RecordHeaders headers = new RecordHeaders();

        ArticleEnriched read = consumerValues.deserialize(Topics.ARTICLES_ENRICHED, headers,
                "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(read).isNull();
        assertThat(headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)).isNotNull();
    }

    private static ErrorHandlingDeserializer<ArticleEnriched> asTheIndexerConfiguresIt() {
        ErrorHandlingDeserializer<ArticleEnriched> values = new ErrorHandlingDeserializer<>();
        values.configure(Map.of(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                "org.newsroom.query.indexing.ArticleEnrichedDeserializer"), false);
        return values;
    }

    private static byte[] json(ArticleEnriched article) {
        try (JacksonJsonSerializer<ArticleEnriched> writer = new JacksonJsonSerializer<>()) {
            return writer.serialize(Topics.ARTICLES_ENRICHED, article);
        }
    }
}
