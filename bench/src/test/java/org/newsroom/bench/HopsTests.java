package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HopsTests {

    private static final List<String> TOPICS = List.of("articles.raw.v1", "articles.enriched.v1",
            "enrich-service-article-findings-repartition", "enrich-service-held-articles-changelog",
            "__consumer_offsets");

    @Test
    void findsTheFindingsTopicAsTheRepartitionTopicOfAStreamsGroup() {
        assertThat(Hops.findingsTopic(TOPICS, List.of("article-indexer", "enrich-service", "live-streams-1")))
                .isEqualTo("enrich-service-article-findings-repartition");
    }

    @Test
    void followsTheApplicationIdTheServiceRunsUnder() {
        List<String> renamed = List.of("articles.raw.v1", "desk-enrich-article-findings-repartition");

        assertThat(Hops.findingsTopic(renamed, List.of("desk-enrich"))).isEqualTo("desk-enrich-article-findings-repartition");
    }

    @Test
    void refusesToGuessWhenNoGroupOrSeveralOwnARepartitionTopic() {
        assertThatThrownBy(() -> Hops.findingsTopic(TOPICS, List.of("article-indexer")))
                .hasMessageContaining("found []");
        List<String> twoApplications = List.of("enrich-service-article-findings-repartition",
                "enrich-service-replay-r1-article-findings-repartition");
        assertThatThrownBy(() -> Hops.findingsTopic(twoApplications, List.of("enrich-service", "enrich-service-replay-r1")))
                .hasMessageContaining("enrich-service-replay-r1-article-findings-repartition");
    }
}
