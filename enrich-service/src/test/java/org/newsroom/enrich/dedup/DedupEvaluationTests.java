package org.newsroom.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the duplicate-detection figure: a reduced held-out sample (200 sampled originals instead of 2,000,
 * same stories, seed and outlets' forms), decided by {@link DedupIndex} with the default settings and scored
 * by the evaluation's own code, must stay near what it reached when the figure was recorded (docs/dedup.md).
 */
class DedupEvaluationTests {

    @Test
    void theDefaultSettingsKeepTheirRecordedPrecisionAndRecallOnAReducedHeldOutSample() {
        List<DedupEvaluation.Item> items = DedupEvaluation.labelledSet(Path.of("..", "data"), 200,
                DedupEvaluation.Sample.held_out);
        DedupSettings settings = DedupSettings.defaults();
        Fingerprinter fingerprinter = new Fingerprinter(settings);
        List<Fingerprint> fingerprints = items.stream()
                .map(item -> fingerprinter.fingerprint(item.id(), item.publishedAt(), item.paragraphs())).toList();

        EvaluationReport report = new EvaluationReport(items, DedupEvaluation.indexed(items, fingerprints, settings));
        // Recorded on this sample on 2 December 2026 (session 5): precision 0.9679, recall 0.9845, mixed recall 0.945
        // (189 of 200); the code before the story-boundary and lead rules reached 0.9618 / 0.9835 / 0.860 here.
        // (Precision is lower than the full figure's: the same corpus negatives face a tenth of the copies.)
        assertThat(report.precision()).isGreaterThan(0.96);
        assertThat(report.recall()).isGreaterThan(0.975);
        assertThat(report.recallOf("mixed")).isGreaterThan(0.92);
    }
}
