package com.alphaquant.factor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.factor.evaluation.InformationCoefficient.IcReport;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InformationCoefficientTest {

    static final double NaN = Double.NaN;

    /** Worked by hand: see the comments. */
    @Test
    void handWorkedThreeDays() {
        int[] dates = {20240102, 20240103, 20240104};
        double[][] factor = {{1, 2, 3, 4}, {4, 3, 2, 1}, {5, NaN, 6, NaN}};
        double[][] forward = {{0.01, 0.03, 0.02, 0.04}, {0.01, 0.02, 0.03, 0.04}, {0.1, 0.2, 0.3, 0.4}};

        IcReport r = InformationCoefficient.evaluate(dates, factor, forward, 2);

        // day 1: Σdxdy = 0.04, Σdx² = 5, Σdy² = 0.0005 → 0.8; ranks of y (1,3,2,4) give 0.8 too
        assertThat(r.ic()[0]).isCloseTo(0.8, within(1e-12));
        assertThat(r.rankIc()[0]).isCloseTo(0.8, within(1e-12));
        // day 2: perfectly reversed
        assertThat(r.ic()[1]).isCloseTo(-1, within(1e-12));
        assertThat(r.rankIc()[1]).isCloseTo(-1, within(1e-12));
        // day 3: two pairs, under MIN_STOCKS: no IC
        assertThat(r.ic()[2]).isNaN();
        assertThat(r.observations()).containsExactly(4, 4, 2);
        // mean (0.8 − 1)/2 = −0.1, std √(0.9² + 0.9²) = 0.9√2, IR = −0.1 / (0.9√2)
        assertThat(r.icSummary().mean()).isCloseTo(-0.1, within(1e-12));
        assertThat(r.icSummary().std()).isCloseTo(0.9 * Math.sqrt(2), within(1e-12));
        assertThat(r.icSummary().ir()).isCloseTo(-0.1 / (0.9 * Math.sqrt(2)), within(1e-12));
        assertThat(r.icSummary().days()).isEqualTo(2);
        // buckets (low, high): day 1 (0.02, 0.03), day 2 (0.035, 0.015), day 3 (0.1, 0.3)
        assertThat(r.quantileMeans()[0]).isCloseTo((0.02 + 0.035 + 0.1) / 3, within(1e-12));
        assertThat(r.quantileMeans()[1]).isCloseTo((0.03 + 0.015 + 0.3) / 3, within(1e-12));
    }

    @Test
    void tiedValuesShareABucket() {
        // ranks (2, 2, 2, 4) of 4 into 2 buckets: floor(1·2/4) = 0 for the ties, floor(3·2/4) = 1
        assertThat(InformationCoefficient.bucket(2, 4, 2)).isZero();
        assertThat(InformationCoefficient.bucket(4, 4, 2)).isEqualTo(1);
        IcReport r = InformationCoefficient.evaluate(new int[] {1}, new double[][] {{1, 1, 1, 2}},
                new double[][] {{0.1, 0.2, 0.3, 0.9}}, 2);
        assertThat(r.quantileMeans()).containsExactly(new double[] {0.2, 0.9}, within(1e-12));
    }

    @Test
    void matchesAPlainRecomputationDayByDay() {
        Random random = new Random(11);
        int days = 30;
        int stocks = 50;
        double[][] factor = new double[days][stocks];
        double[][] forward = new double[days][stocks];
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < stocks; s++) {
                factor[d][s] = random.nextInt(8) == 0 ? NaN : random.nextGaussian();
                forward[d][s] = random.nextInt(8) == 0 ? NaN : 0.3 * factor[d][s] + random.nextGaussian();
            }
        }
        IcReport r = InformationCoefficient.evaluate(new int[days], factor, forward, 5);
        double sum = 0;
        double[] bucketSum = new double[5];
        for (int d = 0; d < days; d++) {
            double[][] p = Plain.pairs(factor[d], forward[d]);
            assertThat(r.ic()[d]).isCloseTo(Plain.pearson(p[0], p[1]), within(1e-12));
            assertThat(r.rankIc()[d]).isCloseTo(Plain.pearson(Plain.ranks(p[0]), Plain.ranks(p[1])), within(1e-12));
            sum += r.ic()[d];
            // quintiles by sorting: the k-th smallest of n goes to floor(k·5/n) (no ties in Gaussian draws)
            double[] rank = Plain.ranks(p[0]);
            double[] total = new double[5];
            int[] count = new int[5];
            for (int i = 0; i < rank.length; i++) {
                int b = (int) ((rank[i] - 1) * 5 / rank.length);
                total[b] += p[1][i];
                count[b]++;
            }
            for (int b = 0; b < 5; b++) {
                bucketSum[b] += total[b] / count[b];
            }
        }
        assertThat(r.icSummary().mean()).isCloseTo(sum / days, within(1e-12));
        for (int b = 0; b < 5; b++) {
            assertThat(r.quantileMeans()[b]).isCloseTo(bucketSum[b] / days, within(1e-12));
        }
        assertThat(r.quantileMeans()[4]).isGreaterThan(r.quantileMeans()[0]);
    }
}
