package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicTrafficTests {

    @Test
    void dividesWhatEachTopicGainedOverThePhaseByItsArticlesLargestFirstWithTagTopicsInOneRow() {
        Map<String, TopicTraffic.Holding> before = Map.of(
                "articles.raw.v1", new TopicTraffic.Holding(1_000, 10),
                "articles.enriched.v1", new TopicTraffic.Holding(0, 0),
                "quiet", new TopicTraffic.Holding(500, 5));
        Map<String, TopicTraffic.Holding> after = Map.of(
                "articles.raw.v1", new TopicTraffic.Holding(21_000, 110),
                "articles.enriched.v1", new TopicTraffic.Holding(50_000, 120),
                "quiet", new TopicTraffic.Holding(500, 5),
                "created-during-the-phase", new TopicTraffic.Holding(3_000, 30),
                "articles.tag.venezuela.v1", new TopicTraffic.Holding(1_000, 5),
                "articles.tag.russia.v1", new TopicTraffic.Holding(1_500, 5));

        assertThat(TopicTraffic.perArticle(before, after, 100)).containsExactly(
                new TopicTraffic.PerArticle("articles.enriched.v1", 500, 1.2),
                new TopicTraffic.PerArticle("articles.raw.v1", 200, 1.0),
                new TopicTraffic.PerArticle("created-during-the-phase", 30, 0.3),
                new TopicTraffic.PerArticle("articles.tag.*", 25, 0.1));
    }
}
