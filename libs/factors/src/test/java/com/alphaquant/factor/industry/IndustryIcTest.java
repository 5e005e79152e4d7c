package com.alphaquant.factor.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndustryIcTest {

    private static final double NaN = Double.NaN;

    /** Spearman for series without ties, by the textbook formula 1 − 6Σd² / (n(n² − 1)). */
    private static double spearmanNoTies(double[] x, double[] y) {
        int n = x.length;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            d2 += Math.pow(rank(x, x[i]) - rank(y, y[i]), 2);
        }
        return 1 - 6 * d2 / (n * ((double) n * n - 1));
    }

    private static int rank(double[] v, double value) {
        int r = 1;
        for (double o : v) {
            if (o < value) {
                r++;
            }
        }
        return r;
    }

    /**
     * Two days, six stocks: bank (B1..B3), tech (T1..T3), and one unclassified stock.
     * Day 1: in banks the factor orders returns exactly (+1); in tech exactly backwards (−1).
     * Day 2: banks 1, 2, 3 against returns 1, 3, 2: 1 − 6·2/24 = 0.5; tech has a missing return
     * on one stock, leaving two: below minStocks 3, so tech's day 2 does not count.
     * Pooled across the market, day 1's rank IC would mix the two industries.
     */
    @Test
    void eachIndustrysRankIcIsAveragedOverItsCountedDays() {
        String[] ind = {"bank", "bank", "bank", "tech", "tech", "tech", null};
        double[][] factor = {
                {1, 2, 3, 1, 2, 3, 9},
                {1, 2, 3, 1, 2, 3, 9}};
        double[][] forward = {
                {0.01, 0.02, 0.03, 0.03, 0.02, 0.01, -0.5},
                {0.01, 0.03, 0.02, 0.01, NaN, 0.05, 0.7}};
        List<IndustryIc.Result> r = IndustryIc.evaluate(factor, forward, new String[][] {ind, ind}, IndustryIcTest::spearmanNoTies, 3);

        assertThat(r).extracting(IndustryIc.Result::industry).containsExactly("bank", "tech");
        assertThat(r.get(0).meanIc()).isCloseTo((1.0 + 0.5) / 2, within(1e-12));
        assertThat(r.get(0).days()).isEqualTo(2);
        assertThat(r.get(1).meanIc()).isCloseTo(-1.0, within(1e-12));
        assertThat(r.get(1).days()).isEqualTo(1);
    }

    @Test
    void aStockCountsInTheIndustryOfThatDay() {
        // Day 2: stock 3 has moved from tech to bank; bank then has 4 stocks: factor 1..4, returns 4,3,2,1 → −1.
        String[][] ind = {{"bank", "bank", "bank", "tech"}, {"bank", "bank", "bank", "bank"}};
        double[][] factor = {{1, 2, 3, 4}, {1, 2, 3, 4}};
        double[][] forward = {{1, 2, 3, 4}, {4, 3, 2, 1}};
        List<IndustryIc.Result> r = IndustryIc.evaluate(factor, forward, ind, IndustryIcTest::spearmanNoTies, 3);
        assertThat(r).singleElement().satisfies(b -> {
            assertThat(b.meanIc()).isCloseTo(0.0, within(1e-12)); // (+1 − 1) / 2
            assertThat(b.days()).isEqualTo(2);
        });
    }

    @Test
    void mismatchedDaysAreRefused() {
        assertThatThrownBy(() -> IndustryIc.evaluate(new double[1][1], new double[2][1], new String[1][1], (x, y) -> 0, 3))
                .hasMessageContaining("same days");
    }
}
