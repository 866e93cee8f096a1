package org.newsroom.corpora;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorporaTests {

    private static final Path DATA = Path.of("..", "data");

    @Test
    void readsAllReutersStoriesWithTheModApteSplitOfTheLiterature() {
        List<ReutersStory> stories = Reuters21578.read(DATA.resolve("reuters21578"));

        assertThat(stories).hasSize(21_578);
        Map<ReutersStory.ModApte, Long> split = stories.stream()
                .filter(s -> !s.topics().isEmpty())
                .collect(Collectors.groupingBy(ReutersStory::split, Collectors.counting()));
        assertThat(split.get(ReutersStory.ModApte.train)).isEqualTo(7_775);
        assertThat(split.get(ReutersStory.ModApte.test)).isEqualTo(3_019);
    }

    @Test
    void readsReutersFieldsAndParagraphsWithoutTheSignOff() {
        Map<Integer, ReutersStory> byId = Reuters21578.read(DATA.resolve("reuters21578")).stream()
                .collect(Collectors.toMap(ReutersStory::newId, Function.identity()));

        ReutersStory first = byId.get(1);
        assertThat(first.title()).isEqualTo("BAHIA COCOA REVIEW");
        assertThat(first.topics()).containsExactly("cocoa");
        assertThat(first.places()).containsExactly("el-salvador", "usa", "uruguay");
        assertThat(first.dateline()).startsWith("SALVADOR, Feb 26");
        assertThat(first.date()).hasToString("1987-02-26T15:01:01Z");
        assertThat(first.paragraphs()).hasSizeGreaterThan(3);
        assertThat(first.body()).doesNotEndWith("Reuter").doesNotContain("&lt;");
    }

    @Test
    void readsEveryBbcArticleWithHeadlineAndBody() {
        List<BbcStory> stories = BbcNews.read(DATA.resolve("bbc"));

        assertThat(stories).hasSize(2_225);
        assertThat(stories).allSatisfy(s -> {
            assertThat(s.headline()).isNotBlank();
            assertThat(s.paragraphs()).isNotEmpty();
        });
        assertThat(stories.getFirst().id()).isEqualTo("business/001");
    }
}
