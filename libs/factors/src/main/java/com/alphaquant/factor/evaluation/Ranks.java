package com.alphaquant.factor.evaluation;

import java.util.Arrays;

/** Ranks 1..n with ties given their average rank (what Spearman's correlation needs). */
public final class Ranks {

    private Ranks() {
    }

    /**
     * Ranks of {@code x[0..n)}; all values must be numbers (drop NaN first). Values compare
     * with {@code <} and {@code ==}, so -0.0 and 0.0 tie.
     *
     * <p>A sorted copy of the values and two binary searches per value, rather than a sorted
     * permutation: that needs boxed indices and a comparator, several times slower, and this runs
     * once a day per factor (and per formula, for the alpha miner).
     */
    public static double[] average(double[] x, int n) {
        double[] sorted = Arrays.copyOf(x, n);
        Arrays.sort(sorted);
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            int below = firstNotBelow(sorted, n, x[i]);
            int upTo = firstAbove(sorted, below, n, x[i]);
            // positions below+1..upTo (1-based) share their mean
            ranks[i] = (below + 1 + upTo) / 2.0;
        }
        return ranks;
    }

    /** The first index in {@code sorted[0..n)} whose value is not below {@code v}. */
    private static int firstNotBelow(double[] sorted, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index in {@code sorted[from..n)} whose value is above {@code v}. */
    private static int firstAbove(double[] sorted, int from, int n, double v) {
        int lo = from;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
