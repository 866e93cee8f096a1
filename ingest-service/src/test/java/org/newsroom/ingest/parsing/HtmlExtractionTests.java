package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression guards for main-text extraction on the development pages only (held-out pages are scored by
 * {@code ./newsroom html-extraction-eval}, never asserted on here, so that no change is fitted to them).
 */
class HtmlExtractionTests {

    @Test
    void benchmarkMetricOnTheTwentyDevPagesStaysAtTheLevelReached() throws Exception {
        Path zyte = Samples.path("formats/html");
        List<HtmlExtractionEvaluation.PageScore> scores = HtmlExtractionEvaluation.evaluate(zyte,
                HtmlExtractionEvaluation.ids(zyte), HtmlExtractionEvaluation.OURS);

        assertThat(scores).hasSize(20).allMatch(HtmlExtractionEvaluation.PageScore::dev);
        ShingleOverlap.Summary summary = ShingleOverlap.Summary.of(
                scores.stream().map(HtmlExtractionEvaluation.PageScore::shingles).toList());
        assertThat(summary.f1()).isGreaterThanOrEqualTo(0.975);
        assertThat(HtmlExtractionEvaluation.meanTokenF1(scores)).isGreaterThanOrEqualTo(0.975);
        assertThat(scores).allSatisfy(score -> assertThat(score.shingles().f1()).as(score.url()).isGreaterThan(0.85));
    }

    @Test
    void segmentScoreOnTheHtmlEvalDevHalfStaysAtTheLevelReached() throws Exception {
        List<HtmlExtractionEvaluation.SegmentPage> pages = HtmlExtractionEvaluation.evaluateSegments(
                Samples.root().getParent().resolve("data/html-eval"), HtmlExtractionEvaluation.OURS);
        SegmentCounts dev = pages.stream().filter(HtmlExtractionEvaluation.SegmentPage::dev)
                .map(HtmlExtractionEvaluation.SegmentPage::counts).reduce(new SegmentCounts(0, 0, 0, 0), SegmentCounts::plus);

        assertThat(pages).hasSize(303);
        assertThat(pages.stream().filter(HtmlExtractionEvaluation.SegmentPage::dev).count()).isEqualTo(168);
        assertThat(dev.f1()).isGreaterThanOrEqualTo(0.89);
    }
}
