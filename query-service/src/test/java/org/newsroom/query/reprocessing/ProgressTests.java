package org.newsroom.query.reprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTests {

    @Test
    void showsRecordsDoneOfTotalTheRecentRateAndTheTimeLeftAtThatRate() {
        Progress progress = new Progress(500, 2000, 480, 250, Duration.ofSeconds(5));

        assertThat(progress.rate()).isEqualTo(50.0);
        assertThat(progress.eta()).isEqualTo(Duration.ofSeconds(30));
        assertThat(progress.line()).isEqualTo(
                "[########......................]  25%  500/2,000 raw records  50/s  ETA 0:30  480 indexed");
    }

    @Test
    void hasNoEstimateWhileNothingMovesAndAFullBarForNothingToDo() {
        assertThat(new Progress(0, 100, 0, 0, Duration.ofSeconds(3)).line()).contains("ETA --:--").contains("  0%");
        assertThat(new Progress(0, 0, 0, 0, Duration.ZERO).line()).startsWith("[" + "#".repeat(30) + "] 100%");
    }

    @Test
    void writesLongEstimatesInHours() {
        assertThat(new Progress(1, 7202, 0, 1, Duration.ofSeconds(1)).line()).contains("ETA 2:00:01");
    }
}
