package com.alphaquant.strategy.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentileRankTest {

    @Test
    void ranksFromZeroToOneSkippingNaN() {
        assertThat(PercentileRank.of(new double[] {3, 1, 2, Double.NaN}, true)).containsExactly(1.0, 0.0, 0.5, Double.NaN);
        assertThat(PercentileRank.of(new double[] {3, 1, 2}, false)).containsExactly(0.0, 1.0, 0.5);
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertThat(PercentileRank.of(new double[] {1, 1, 2}, true)).containsExactly(0.25, 0.25, 1.0);
    }

    @Test
    void aLoneValueIsInTheMiddle() {
        assertThat(PercentileRank.of(new double[] {Double.NaN, 7}, true)).containsExactly(Double.NaN, 0.5);
        assertThat(PercentileRank.of(new double[] {Double.NaN}, true)).containsExactly(Double.NaN);
    }
}
