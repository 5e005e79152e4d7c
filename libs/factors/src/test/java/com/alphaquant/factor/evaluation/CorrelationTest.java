package com.alphaquant.factor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-worked values. */
class CorrelationTest {

    static final double NaN = Double.NaN;

    @Test
    void pearsonByHand() {
        // dx = dy-ish: x (1,2,3,4), y (1,3,2,4): Σdxdy = 4, Σdx² = Σdy² = 5 → 0.8
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4})).isCloseTo(0.8, within(1e-15));
        assertThat(Correlation.pearson(new double[] {1, 2, 3}, new double[] {6, 4, 2})).isEqualTo(-1.0);
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 10})).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void pairsWithANaNOnEitherSideAreDropped() {
        double[] x = {1, NaN, 2, 3, 4, 100};
        double[] y = {1, 50, 3, 2, 4, NaN};
        assertThat(Correlation.pearson(x, y)).isCloseTo(0.8, within(1e-15));
        assertThat(Correlation.observations(x, y)).isEqualTo(4);
    }

    @Test
    void spearmanWithTiesByHand() {
        // ranks x (1, 2.5, 2.5, 4), y (1, 2, 3, 4): Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5/√22.5 = 3/√10
        assertThat(Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {10, 20, 30, 40}))
                .isCloseTo(3 / Math.sqrt(10), within(1e-15));
        // monotone but not linear: Spearman 1, Pearson below 1
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 4, 9, 16, 1000};
        assertThat(Correlation.spearman(x, y)).isCloseTo(1.0, within(1e-15));
        assertThat(Correlation.pearson(x, y)).isLessThan(0.8);
    }

    @Test
    void undefinedIsNaN() {
        assertThat(Correlation.pearson(new double[] {1}, new double[] {2})).isNaN();
        assertThat(Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(Correlation.spearman(new double[] {NaN, NaN}, new double[] {1, 2})).isNaN();
    }
}
