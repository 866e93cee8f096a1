package org.newsroom.enrich.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.newsroom.enrich.tagging.EnrichmentSteps;

/**
 * A guard on the story figure: four ECB+ train topics (103 documents, 8 events; see
 * src/test/resources/stories/README.md) clustered by the production story code with the service's defaults.
 * Fails when BCubed F1 drops more than 0.03 below the figure recorded when the defaults were chosen, or when
 * the grouping depends on the arrival order. The full figures (train and dev) come from {@code ./newsroom story-eval}.
 */
class StoryEvaluationTests {

    /** BCubed F1 on this subset with the defaults, 2 December 2026. */
    private static final double RECORDED_B3_F1 = 0.991;
    private static final double MARGIN = 0.03;

    @Test
    void groupsFourTrainTopicsByEventAsWellAsRecordedWhateverTheOrder() throws IOException {
        List<EcbPlus> documents;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/stories/ecbplus-train-1-3-4-6.xml.gz"))) {
            documents = EcbPlus.read(in);
        }
        assertThat(documents).hasSize(103).noneMatch(EcbPlus::dev);
        List<StoryEvaluation.Labelled> set = StoryEvaluation.labelled(
                StoryEvaluation.enricher(StoryEvaluation.defaults()), documents);
        Stories.Settings settings = EnrichmentSteps.stories(StoryEvaluation.defaults());

        Map<String, String> fileOrder = StoryEvaluation.cluster(set, settings);
        Map<String, String> shuffled = StoryEvaluation.cluster(StoryEvaluation.ordered(set, "shuffle seed 42"), settings);

        StoryEvaluation.Score score = StoryEvaluation.score(set, fileOrder);
        System.out.println("[story guard] " + score.line());
        assertThat(shuffled).isEqualTo(fileOrder);
        assertThat(score.b3F()).isGreaterThanOrEqualTo(RECORDED_B3_F1 - MARGIN);
    }
}
