package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTests {

    @Test
    void theCpuBoundIsTheCoresOverTheCpuPerArticleBesideWhatHalfTheCeilingWouldNeed() {
        ThreadKinds.PerArticle all = new ThreadKinds.PerArticle("pipeline", 2.0, 1.5, 0.5, null);

        String line = Summary.cpuBound(2, all, 4_000);

        // 2 cores × 1000 ms / 4 ms = 500/s; at work + collector (2.5 ms): 800/s; half the ceiling 2,000/s needs
        // 2 × 1000 / 2,000 = 1 ms per article.
        assertThat(line).isEqualTo("CPU bound on these 2 cores: at most 500 articles/s at this run's CPU per article"
                + " (800 at work + collector alone); half the ES ceiling, 2,000 articles/s, needs at most 1.00 ms per"
                + " article in all" + System.lineSeparator());
    }
}
