package org.newsroom.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyTextTests {

    @Test
    void keepsWordsAndNumbersButNotCaseOrPunctuation() {
        assertThat(BodyText.words(List.of("Shr 1.20 dlrs vs 1.10 dlrs, Net: 4.5 mln!")))
                .containsExactly("shr", "1", "20", "dlrs", "vs", "1", "10", "dlrs", "net", "4", "5", "mln");
    }

    @Test
    void dropsTheLeadingDatelineAndBylineEachOutletRewrites() {
        assertThat(BodyText.words(List.of("By Jane Doe", "LONDON (Reuters) - Oil rose.", "More - later.")))
                .containsExactly("oil", "rose", "more", "later");
        assertThat(BodyText.words(List.of("Moscow (AFP) \u2013 Talks began.")))
                .containsExactly("talks", "began");
        assertThat(BodyText.words(List.of("AKRON, Ohio - Tyres sold.")))
                .containsExactly("tyres", "sold");
    }

    @Test
    void keepsAnOrdinaryFirstSentence() {
        assertThat(BodyText.words(List.of("The company said profits rose - again.")))
                .containsExactly("the", "company", "said", "profits", "rose", "again");
    }
}
