package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTests {

    @Test
    void takesTheNearestRankOfAHundredValues() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        Percentiles percentiles = Percentiles.of(values);
        assertThat(percentiles.p50()).isEqualTo(50);
        assertThat(percentiles.p95()).isEqualTo(95);
        assertThat(percentiles.p99()).isEqualTo(99);
        assertThat(percentiles.max()).isEqualTo(100);
        assertThat(percentiles.mean()).isEqualTo(50.5);
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        Percentiles percentiles = Percentiles.of(List.of(1.25));
        assertThat(List.of(percentiles.p50(), percentiles.p95(), percentiles.p99())).containsOnly(1.25);
    }

    @Test
    void highPercentilesOfFewValuesAreTheWorstOnes() {
        Percentiles percentiles = Percentiles.of(List.of(0.1, 0.2, 0.3, 0.4, 9.0));
        assertThat(percentiles.p50()).isEqualTo(0.3);
        assertThat(percentiles.p95()).isEqualTo(9.0);
        assertThat(percentiles.p99()).isEqualTo(9.0);
    }

    @Test
    void noValuesGiveNoFigures() {
        assertThat(Percentiles.of(List.of()).count()).isZero();
        assertThat(Percentiles.of(List.of()).p99()).isNaN();
    }
}
