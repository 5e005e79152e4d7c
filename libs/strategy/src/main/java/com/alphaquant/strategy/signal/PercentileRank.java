package com.alphaquant.strategy.signal;

import com.alphaquant.factor.evaluation.Ranks;
import java.util.Arrays;

/**
 * Cross-sectional percentile ranks in [0, 1]: (average rank − 1) / (n − 1) over the finite
 * values, ties sharing their average rank; 0.5 when only one value is present. A non-finite value
 * (NaN, ±Infinity) is missing and ranks NaN: the live path receives factors as JSON, where a
 * non-finite number arrives as null (NaN), so the backtest, which sees the doubles, must treat
 * ±Infinity the same way for both to score alike. Ranks come from {@link Ranks} (a primitive
 * sort: this runs per factor per day over thousands of stocks).
 */
public final class PercentileRank {

    private PercentileRank() {
    }

    /** Ranks of {@code values}; {@code higherIsBetter} false ranks low values high. */
    public static double[] of(double[] values, boolean higherIsBetter) {
        int n = values.length;
        double[] present = new double[n];
        int m = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                present[m++] = v;
            }
        }
        double[] ranks = new double[n];
        Arrays.fill(ranks, Double.NaN);
        if (m == 0) {
            return ranks;
        }
        double[] average = Ranks.average(present, m);
        for (int i = 0, k = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            double ascending = m == 1 ? 0.5 : (average[k++] - 1) / (m - 1);
            ranks[i] = higherIsBetter ? ascending : 1 - ascending;
        }
        return ranks;
    }
}
