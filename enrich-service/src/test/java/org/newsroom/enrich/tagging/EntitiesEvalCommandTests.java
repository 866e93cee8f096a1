package org.newsroom.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsroom.corpora.Reuters21578;
import org.newsroom.corpora.ReutersStory;
import org.newsroom.enrich.entities.EntitiesEvaluation;

/**
 * Pins the entities figures the README and docs/tagging.md report: the recognizer the service runs, on the whole
 * ModApte TEST split, measured by the evaluation's own code ({@code ./newsroom entities-eval}). A figure in the
 * README that drifts from the code is a wrong claim, so a change that moves one fails here until the docs say the
 * new figure.
 */
class EntitiesEvalCommandTests {

    /** Half the last printed digit of the reported figures (three decimals). */
    private static final double HALF_DIGIT = 0.0005;
    private static final String DOCS = "the entities row of README.md's Figures table and the service-configuration"
            + " table of docs/tagging.md section 3";

    @Test
    void reportedEntityFiguresAreWhatTheCodeComputesOnModApteTest() {
        // The whole split (~10 s): the first 400 stories held 23 people labels, too few to tell session 7's
        // precision (0.679 there before and after) from session 6's (0.628 on the whole split).
        List<ReutersStory> test = Reuters21578.read(Path.of("..", "data", "reuters21578")).stream()
                .filter(s -> s.split() == ReutersStory.ModApte.test).toList();

        List<EntitiesEvaluation.Figures> figures = EntitiesEvaluation.report(test, EntitiesEvalCommand.serviceRecognizer(),
                EntitiesEvalCommand.servicePeople());
        figures.forEach(f -> System.out.println("[entities pin] " + f.line()));

        assertThat(figures).extracting(EntitiesEvaluation.Figures::kind)
                .containsExactly("places", "organisations", "people");
        assertReported(figures.get(0), 0.708, 0.571);
        assertReported(figures.get(1), 0.876, 0.939);
        assertReported(figures.get(2), 0.683, 0.932);
    }

    private static void assertReported(EntitiesEvaluation.Figures figures, double precision, double recall) {
        assertThat(figures.precision()).as("%s precision in %s", figures.kind(), DOCS)
                .isCloseTo(precision, within(HALF_DIGIT));
        assertThat(figures.recall()).as("%s recall in %s", figures.kind(), DOCS)
                .isCloseTo(recall, within(HALF_DIGIT));
    }
}
