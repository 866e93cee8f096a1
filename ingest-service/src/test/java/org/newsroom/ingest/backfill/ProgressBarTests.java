package org.newsroom.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTests {

    @Test
    void showsShareDoneRateAndTimeLeft() {
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), 1_000, "stories");

        assertThat(bar.line(250, 500, Duration.ofSeconds(10)))
                .isEqualTo("[########......................] 250/1,000 stories  25%  50 articles/s  ETA 0:30  ");
    }

    @Test
    void redrawsInPlaceAndEndsTheLineWhenFinished() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out), 2, "files");

        bar.update(2, 7);
        bar.finish();

        assertThat(out.toString()).startsWith("\r[##############################] 2/2 files 100%").endsWith("\n");
    }
}
