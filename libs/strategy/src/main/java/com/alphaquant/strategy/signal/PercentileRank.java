package com.alphaquant.strategy.signal;

import java.util.Arrays;

/**
 * Cross-sectional percentile ranks in [0, 1]: (average rank − 1) / (n − 1) over the finite
 * values, ties sharing their average rank; 0.5 when only one value is present. A non-finite value
 * (NaN, ±Infinity) is missing and ranks NaN: the live path receives factors as JSON, where a
 * non-finite number arrives as null (NaN), so the backtest, which sees the doubles, must treat
 * ±Infinity the same way for both to score alike. Written by hand because it runs per factor per
 * day over thousands of stocks (sort once).
 */
public final class PercentileRank {

    private PercentileRank() {
    }

    /** Ranks of {@code values}; {@code higherIsBetter} false ranks low values high. */
    public static double[] of(double[] values, boolean higherIsBetter) {
        int n = values.length;
        double[] sorted = new double[n];
        int present = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sorted[present++] = v;
            }
        }
        double[] ranks = new double[n];
        Arrays.fill(ranks, Double.NaN);
        if (present == 0) {
            return ranks;
        }
        sorted = Arrays.copyOf(sorted, present);
        Arrays.sort(sorted); // primitive sort, then each value's tie run by binary search
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            if (present == 1) {
                ranks[i] = 0.5;
                continue;
            }
            int first = firstAtLeast(sorted, v);
            int last = firstAbove(sorted, v) - 1;
            double ascending = (first + last) / 2.0 / (present - 1);
            ranks[i] = higherIsBetter ? ascending : 1 - ascending;
        }
        return ranks;
    }

    /** The first index whose value is not below {@code value} (−0.0 and 0.0 are one value). */
    private static int firstAtLeast(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose value is above {@code value}. */
    private static int firstAbove(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
