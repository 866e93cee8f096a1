package org.newsroom.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.ArticleEnriched;
import org.newsroom.contracts.Topics;
import org.newsroom.query.web.TestArticles;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

class LiveArticlesListenerTests {

    private final List<ArticleEnriched> offered = new ArrayList<>();
    private boolean streamOpen = true;
    private int offers;
    private final LiveStreams streams = new LiveStreams(new LiveProperties(10, Duration.ofSeconds(15),
            Duration.ofMinutes(30), 16, 10, Duration.ofSeconds(10)), new SimpleMeterRegistry()) {
        @Override
        boolean anyOpen() {
            return streamOpen;
        }

        @Override
        void offer(List<ArticleEnriched> articles) {
            offers++;
            offered.addAll(articles);
        }
    };
    private final LiveArticlesListener listener = new LiveArticlesListener(streams);

    @AfterEach
    void close() {
        streams.closeAll();
    }

    @Test
    void offersTheLastVersionOfEachArticleInTheBatch() {
        ArticleEnriched first = article("a");
        ArticleEnriched second = article("b");
        ArticleEnriched firstAgain = article("a").withStoryId("story-2");

        listener.on(List.of(record(first), record(second), record(firstAgain)));

        assertThat(offered).containsExactly(second, firstAgain);
    }

    @Test
    void anArticleKilledInTheSameBatchIsNotAnnounced() {
        listener.on(List.of(record(article("a")), new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 0, 1, "a", null)));

        assertThat(offered).isEmpty();
    }

    @Test
    void nothingIsReadOrOfferedWhileNoStreamIsOpen() {
        streamOpen = false;

        listener.on(List.of(record(article("a")), new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 0, 1, "b",
                "not json".getBytes(StandardCharsets.UTF_8))));

        assertThat(offers).isZero();
    }

    @Test
    void anUnreadableRecordIsLeftOutAndTheOthersAreOffered() {
        ArticleEnriched readable = article("a");

        listener.on(List.of(new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 0, 0, "b",
                "{not json".getBytes(StandardCharsets.UTF_8)), record(readable)));

        assertThat(offered).containsExactly(readable);
    }

    private static ArticleEnriched article(String id) {
        return TestArticles.original(id, "AP", null, Instant.parse("2019-05-03T12:00:00Z"), List.of(), "Headline " + id, "Body.");
    }

    /** The article as enrich-service writes it to the topic. */
    private static ConsumerRecord<String, byte[]> record(ArticleEnriched article) {
        try (JacksonJsonSerializer<ArticleEnriched> writer = new JacksonJsonSerializer<>()) {
            return new ConsumerRecord<>(Topics.ARTICLES_ENRICHED, 0, 0, article.articleId(),
                    writer.serialize(Topics.ARTICLES_ENRICHED, article));
        }
    }
}
