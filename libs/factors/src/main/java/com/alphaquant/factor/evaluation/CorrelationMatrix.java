package com.alphaquant.factor.evaluation;

import java.util.List;

/**
 * The factor × factor correlation over pooled observations (every stock-day is one), each pair
 * on its own pairwise-complete observations: a factor with a long warm-up does not shrink the
 * sample of the others. The diagonal is 1 where the factor varies.
 *
 * @param matrix       NaN where undefined (fewer than two pairs, or a constant side)
 * @param observations the pairs each cell was computed on
 */
public record CorrelationMatrix(List<String> names, CorrelationMethod method, double[][] matrix, int[][] observations) {

    /** {@code columns[f][obs]}: one column per factor, rows aligned across factors. */
    public static CorrelationMatrix of(List<String> names, double[][] columns, CorrelationMethod method) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.length + " columns");
        }
        int k = columns.length;
        double[][] matrix = new double[k][k];
        int[][] observations = new int[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                double r = Correlation.of(method, columns[a], columns[b]);
                if (a == b && !Double.isNaN(r)) {
                    r = 1.0; // exactly, not sxx / sqrt(sxx²) with its last-bit rounding
                }
                int n = Correlation.observations(columns[a], columns[b]);
                matrix[a][b] = r;
                matrix[b][a] = r;
                observations[a][b] = n;
                observations[b][a] = n;
            }
        }
        return new CorrelationMatrix(List.copyOf(names), method, matrix, observations);
    }
}
