package org.newsroom.enrich.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Entity;
import org.newsroom.contracts.EntityType;

class StoryClustererTests {

    private static final Instant MONDAY = Instant.parse("2019-05-06T10:00:00Z");
    private final StoryClusterer stories = new StoryClusterer(Duration.ofDays(3), 0.3);

    private static final List<Entity> PEOPLE = List.of(
            new Entity("person:mike-pompeo", "Mike Pompeo", EntityType.person, List.of(), 3),
            new Entity("person:sergei-lavrov", "Sergei Lavrov", EntityType.person, List.of(), 2));

    @Test
    void relatedReportsJoinTheFirstReportsStoryWhoseIdStaysPut() {
        String first = stories.assign("a1", MONDAY, "Pompeo and Lavrov to meet over Venezuela",
                "Pompeo and Lavrov will meet in Finland as the crisis in Venezuela deepens.", PEOPLE);
        String second = stories.assign("a2", MONDAY.plusSeconds(3600), "Lavrov, Pompeo clash over Venezuela",
                "Lavrov told Pompeo to keep out of Venezuela before their meeting in Finland.", PEOPLE);
        assertThat(first).isEqualTo("story-a1");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anUnrelatedReportOpensItsOwnStory() {
        stories.assign("a1", MONDAY, "Pompeo and Lavrov to meet over Venezuela",
                "Pompeo and Lavrov will meet in Finland as the crisis in Venezuela deepens.", PEOPLE);
        String other = stories.assign("b1", MONDAY, "Cocoa harvest improves in Bahia",
                "Showers in the Bahia cocoa zone improved prospects for the temporao crop.", List.of());
        assertThat(other).isEqualTo("story-b1");
    }

    @Test
    void aStoryQuietForLongerThanTheWindowCloses() {
        stories.assign("a1", MONDAY, "Pompeo and Lavrov to meet", "Pompeo and Lavrov will meet in Finland.", PEOPLE);
        String weeksLater = stories.assign("a2", MONDAY.plus(Duration.ofDays(20)), "Pompeo and Lavrov to meet",
                "Pompeo and Lavrov will meet in Finland.", PEOPLE);
        assertThat(weeksLater).isEqualTo("story-a2");
    }

    @Test
    void aRedeliveredArticleKeepsItsStory() {
        String once = stories.assign("a1", MONDAY, "Pompeo and Lavrov", "Pompeo and Lavrov meet.", PEOPLE);
        stories.assign("c1", MONDAY, "Cocoa in Bahia", "Showers in the Bahia cocoa zone.", List.of());
        assertThat(stories.assign("a1", MONDAY, "Pompeo and Lavrov", "Pompeo and Lavrov meet.", PEOPLE)).isEqualTo(once);
    }
}
