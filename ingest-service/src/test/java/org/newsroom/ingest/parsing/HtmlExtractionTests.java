package org.newsroom.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Main-text extraction on the development pages only (held-out pages are scored by
 * {@code ./newsroom html-extraction-eval}, never asserted on here, so that no change is fitted to them). The dev
 * figures the README and docs/parsing.md report are pinned: a figure in the README that drifts from the code is a
 * wrong claim, so a change that moves one fails here until the docs say the new figure.
 */
class HtmlExtractionTests {

    /** Half the last printed digit of the reported figures (three decimals). */
    private static final double HALF_DIGIT = 0.0005;

    @Test
    void reportedBenchmarkFiguresOnTheTwentyDevPagesAreWhatTheCodeComputes() throws Exception {
        Path zyte = Samples.path("formats/html");
        List<HtmlExtractionEvaluation.PageScore> scores = HtmlExtractionEvaluation.evaluate(zyte,
                HtmlExtractionEvaluation.ids(zyte), HtmlExtractionEvaluation.OURS);

        assertThat(scores).hasSize(20).allMatch(HtmlExtractionEvaluation.PageScore::dev);
        ShingleOverlap.Summary summary = ShingleOverlap.Summary.of(
                scores.stream().map(HtmlExtractionEvaluation.PageScore::shingles).toList());
        double tokenF1 = HtmlExtractionEvaluation.meanTokenF1(scores);
        System.out.printf("[html pin] Zyte dev, 20 pages: P %.3f R %.3f F1 %.3f; mean token F1 %.3f%n",
                summary.precision(), summary.recall(), summary.f1(), tokenF1);
        String docs = "the Zyte benchmark row of README.md's Figures table and the Zyte dev row of docs/parsing.md's"
                + " figures table";
        assertThat(summary.precision()).as("precision in " + docs).isCloseTo(0.978, within(HALF_DIGIT));
        assertThat(summary.recall()).as("recall in " + docs).isCloseTo(0.993, within(HALF_DIGIT));
        assertThat(summary.f1()).as("F1 in " + docs).isCloseTo(0.986, within(HALF_DIGIT));
        assertThat(tokenF1).isGreaterThanOrEqualTo(0.975);
        assertThat(scores).allSatisfy(score -> assertThat(score.shingles().f1()).as(score.url()).isGreaterThan(0.85));
    }

    @Test
    void reportedSegmentFiguresOnTheHtmlEvalDevHalfAreWhatTheCodeComputes() throws Exception {
        List<HtmlExtractionEvaluation.SegmentPage> pages = HtmlExtractionEvaluation.evaluateSegments(
                Samples.root().getParent().resolve("data/html-eval"), HtmlExtractionEvaluation.OURS);
        SegmentCounts dev = pages.stream().filter(HtmlExtractionEvaluation.SegmentPage::dev)
                .map(HtmlExtractionEvaluation.SegmentPage::counts).reduce(new SegmentCounts(0, 0, 0, 0), SegmentCounts::plus);
        System.out.printf("[html pin] html-eval dev, 168 pages: P %.3f R %.3f F1 %.3f%n", dev.precision(), dev.recall(),
                dev.f1());

        assertThat(pages).hasSize(303);
        assertThat(pages.stream().filter(HtmlExtractionEvaluation.SegmentPage::dev).count()).isEqualTo(168);
        String docs = "the html-eval row of README.md's Figures table (dev 168 pages) and the html-eval dev row of"
                + " docs/parsing.md's figures table";
        assertThat(dev.precision()).as("precision in " + docs).isCloseTo(0.913, within(HALF_DIGIT));
        assertThat(dev.recall()).as("recall in " + docs).isCloseTo(0.943, within(HALF_DIGIT));
        assertThat(dev.f1()).as("F1 in " + docs).isCloseTo(0.928, within(HALF_DIGIT));
    }
}
