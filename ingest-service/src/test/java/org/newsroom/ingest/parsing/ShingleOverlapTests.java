package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Zyte benchmark's metric, checked against what its evaluate.py gives on small cases worked by hand. */
class ShingleOverlapTests {

    @Test
    void identicalTextsScorePerfectly() {
        ShingleOverlap same = ShingleOverlap.of("The council met on Tuesday.", "The council met on Tuesday.");

        assertThat(same.precision()).isEqualTo(1);
        assertThat(same.recall()).isEqualTo(1);
    }

    @Test
    void wordOrderCountsUnlikeABagOfTokens() {
        // 5 tokens give 2 shingles each; reversed, none is shared although every token is.
        ShingleOverlap reversed = ShingleOverlap.of("Tuesday on met council the", "the council met on Tuesday");

        assertThat(reversed.f1()).isZero();
        assertThat(TokenOverlap.of("Tuesday on met council the", "the council met on Tuesday").f1()).isEqualTo(1);
    }

    @Test
    void extraTextLowersPrecisionNormalisedByTheShingleCount() {
        // truth: a b c d e -> (abcd)(bcde); extracted adds f -> (abcd)(bcde)(cdef): tp 2, fp 1, fn 0, divided by 3.
        ShingleOverlap extra = ShingleOverlap.of("a b c d e f", "a b c d e");

        assertThat(extra.tp()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(extra.precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(extra.recall()).isEqualTo(1);
    }

    @Test
    void tokensArePythonWordCharactersWithCaseKept() {
        assertThat(ShingleOverlap.tokens("Don't stop—São Paulo_2019, 3½ km!")).containsExactly("Don", "t", "stop",
                "São", "Paulo_2019", "3½", "km");
    }

    @Test
    void emptyOutputCountsAgainstRecallButNotInMeanPrecision() {
        ShingleOverlap empty = ShingleOverlap.of("", "the council met on Tuesday");
        ShingleOverlap good = ShingleOverlap.of("the council met on Tuesday", "the council met on Tuesday");

        ShingleOverlap.Summary summary = ShingleOverlap.Summary.of(List.of(empty, good));

        assertThat(summary.precision()).as("only the page with output").isEqualTo(1);
        assertThat(summary.recall()).isEqualTo(0.5);
        assertThat(summary.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
    }
}
