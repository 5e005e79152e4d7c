package com.alphaquant.strategy.signal;

import java.util.Arrays;

/**
 * Cross-sectional percentile ranks in [0, 1]: (average rank − 1) / (n − 1) over the non-NaN
 * values, ties sharing their average rank; 0.5 when only one value is present; NaN stays NaN.
 * Written by hand because it runs per factor per day over thousands of stocks (sort once).
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
            if (!Double.isNaN(v)) {
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
            if (Double.isNaN(v)) {
                continue;
            }
            if (present == 1) {
                ranks[i] = 0.5;
                continue;
            }
            int first = lowerBound(sorted, v);
            int last = lowerBound(sorted, Math.nextUp(v)) - 1;
            double ascending = (first + last) / 2.0 / (present - 1);
            ranks[i] = higherIsBetter ? ascending : 1 - ascending;
        }
        return ranks;
    }

    private static int lowerBound(double[] sorted, double value) {
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
}
