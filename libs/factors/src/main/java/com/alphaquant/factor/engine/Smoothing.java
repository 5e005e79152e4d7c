package com.alphaquant.factor.engine;

import java.util.Arrays;

/**
 * The recursive averages of SPEC section 3 over {@code x[from..n)} (earlier values are not
 * inputs). Both are seeded with the plain mean of their first {@code p} inputs, so the first
 * value is at {@code from + p − 1} and everything before is NaN. {@code out} may be {@code x}.
 */
final class Smoothing {

    private Smoothing() {
    }

    /** EMA_p: α = 2/(p+1). */
    static void ema(double[] x, int n, int from, int p, double[] out) {
        int seedRow = from + p - 1;
        if (seedRow >= n) {
            Arrays.fill(out, 0, n, Double.NaN);
            return;
        }
        double e = seed(x, from, p);
        Arrays.fill(out, 0, seedRow, Double.NaN);
        out[seedRow] = e;
        double alpha = 2.0 / (p + 1);
        for (int i = seedRow + 1; i < n; i++) {
            e = alpha * x[i] + (1 - alpha) * e;
            out[i] = e;
        }
    }

    /** Wilder's W_p: w = (w₋₁·(p−1) + x)/p. */
    static void wilder(double[] x, int n, int from, int p, double[] out) {
        int seedRow = from + p - 1;
        if (seedRow >= n) {
            Arrays.fill(out, 0, n, Double.NaN);
            return;
        }
        double w = seed(x, from, p);
        Arrays.fill(out, 0, seedRow, Double.NaN);
        out[seedRow] = w;
        for (int i = seedRow + 1; i < n; i++) {
            w = (w * (p - 1) + x[i]) / p;
            out[i] = w;
        }
    }

    private static double seed(double[] x, int from, int p) {
        double sum = 0;
        for (int j = from; j < from + p; j++) {
            sum += x[j];
        }
        return sum / p;
    }
}
