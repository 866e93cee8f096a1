package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.BenchStories;

class CorpusArticlesTests {

    private final CorpusArticles corpus = new CorpusArticles(List.of(
            new BenchStories.Story("reuters21578", "Cocoa prices rise", "LONDON",
                    List.of("First.", "Second.", "Third."), Instant.parse("1987-03-26T10:00:00Z")),
            new BenchStories.Story("bbc", "Ad sales boost profit", null, List.of("One.", "Two."), null)), "run1");

    @Test
    void everyArticleHasItsOwnGuidBeyondTheCorpus() {
        List<String> guids = LongStream.range(0, 10).mapToObj(n -> corpus.article(n).guid()).toList();
        assertThat(guids).doesNotHaveDuplicates().allMatch(guid -> guid.startsWith("bench:run1:"));
    }

    @Test
    void theFirstRoundIsTheStoryAsPublished() {
        var json = corpus.article(0).json();
        assertThat(json.path("headline").asString()).isEqualTo("Cocoa prices rise");
        assertThat(json.path("dateline").asString()).isEqualTo("LONDON");
        assertThat(json.path("paragraphs").get(0).asString()).isEqualTo("First.");
        assertThat(json.path("publishedAt").asString()).isEqualTo("1987-03-26T10:00:00Z");
    }

    @Test
    void laterRoundsAreVariantsOfTheSameStory() {
        var json = corpus.article(2).json();
        assertThat(json.path("headline").asString()).endsWith("Cocoa prices rise").isNotEqualTo("Cocoa prices rise");
        assertThat(json.path("paragraphs").get(0).asString()).isEqualTo("Second.");
        assertThat(json.path("paragraphs")).hasSize(3);
        assertThat(json.path("publishedAt").asString()).isEqualTo("1987-03-27T10:00:00Z");
    }

    @Test
    void anArticleIsOneJsonLine() {
        assertThat(corpus.article(1).line()).doesNotContain("\n").contains("\"source\":\"bench-bbc\"");
    }
}
