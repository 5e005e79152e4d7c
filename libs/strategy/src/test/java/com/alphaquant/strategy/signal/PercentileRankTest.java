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

    @Test
    void infinitiesAreMissingLikeNaN() {
        // The live path gets factors as JSON, where a non-finite value is null (NaN); the backtest
        // gets the doubles: both must rank alike, so ±Infinity is missing too (not ranked 0.833).
        double inf = Double.POSITIVE_INFINITY;
        assertThat(PercentileRank.of(new double[] {1, 2, 3, inf}, true)).containsExactly(0.0, 0.5, 1.0, Double.NaN);
        assertThat(PercentileRank.of(new double[] {-inf, 1, 2, inf}, false)).containsExactly(Double.NaN, 1.0, 0.0, Double.NaN);
        assertThat(PercentileRank.of(new double[] {1, 2, 3, inf}, true))
                .containsExactly(PercentileRank.of(new double[] {1, 2, 3, Double.NaN}, true));
        assertThat(PercentileRank.of(new double[] {inf, 5}, true)).containsExactly(Double.NaN, 0.5);
    }

    @Test
    void theLargestFiniteValuesAndTiesAtTheTopRankOne() {
        double max = Double.MAX_VALUE;
        assertThat(PercentileRank.of(new double[] {max, 1, max}, true)).containsExactly(0.75, 0.0, 0.75);
        assertThat(PercentileRank.of(new double[] {1, max}, true)).containsExactly(0.0, 1.0);
        assertThat(PercentileRank.of(new double[] {-0.0, 0.0, 1}, true)).containsExactly(0.25, 0.25, 1.0);
    }
}
