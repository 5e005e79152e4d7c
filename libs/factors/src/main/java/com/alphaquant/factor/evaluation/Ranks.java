package com.alphaquant.factor.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/** Ranks 1..n with ties given their average rank (what Spearman's correlation needs). */
public final class Ranks {

    private Ranks() {
    }

    /** Ranks of {@code x[0..n)}; all values must be numbers (drop NaN first). */
    public static double[] average(double[] x, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // positions i..j share the mean of ranks i+1..j+1
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
