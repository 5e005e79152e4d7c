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
        double[] ranks = new double[n];
        Arrays.fill(ranks, Double.NaN);
        Integer[] order = new Integer[n];
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                order[present++] = i;
            }
        }
        if (present == 0) {
            return ranks;
        }
        if (present == 1) {
            ranks[order[0]] = 0.5;
            return ranks;
        }
        Integer[] sorted = Arrays.copyOf(order, present);
        Arrays.sort(sorted, (a, b) -> higherIsBetter ? Double.compare(values[a], values[b]) : Double.compare(values[b], values[a]));
        int i = 0;
        while (i < present) {
            int j = i;
            while (j + 1 < present && values[sorted[j + 1]] == values[sorted[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0; // zero-based
            for (int k = i; k <= j; k++) {
                ranks[sorted[k]] = averageRank / (present - 1);
            }
            i = j + 1;
        }
        return ranks;
    }
}
