package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression guard for main-text extraction on the 20 benchmark pages: the mean token F1 stays at the level
 * reached (0.974; published: trafilatura 0.958, news-please 0.948). {@code ./newsroom html-extraction-eval}
 * prints the per-page figures.
 */
class HtmlExtractionTests {

    @Test
    void meanTokenF1StaysAtTheLevelReached() throws Exception {
        List<HtmlExtractionEvaluation.PageScore> scores = HtmlExtractionEvaluation.evaluate(
                Samples.path("formats/html"), HtmlExtractionEvaluation.ids(Samples.path("formats/html")),
                HtmlExtractionEvaluation.OURS);

        assertThat(scores).hasSize(20);
        assertThat(HtmlExtractionEvaluation.meanTokenF1(scores)).isGreaterThanOrEqualTo(0.97);
        assertThat(scores).allSatisfy(score -> assertThat(score.tokens().f1()).as(score.url()).isGreaterThan(0.85));
    }
}
