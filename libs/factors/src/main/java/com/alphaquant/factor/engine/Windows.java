package com.alphaquant.factor.engine;

import java.util.Arrays;

/**
 * Trailing-window statistics over the first {@code n} values of an array: {@code out[i]} covers
 * {@code x[i-w+1..i]} for {@code i >= w-1} and is NaN before (an incomplete window has no value).
 * A NaN inside a window makes that window's value NaN, and only that window's.
 *
 * <p>Each statistic is computed lag by lag rather than window by window: for each lag k the
 * values {@code x[i-k]} are first copied into {@code lagged[i]} (a memmove), then
 * {@code out[i]} is updated from {@code lagged[i]} in an element-wise loop, which the JIT turns
 * into vector instructions (a loop reading {@code x[i-k]} directly is left scalar: the JIT
 * cannot rule out that {@code x} is {@code out}). Two more properties follow: the terms of each
 * window are added in the same order as a plain loop adds them, and there is none of the drift
 * of a running sum (add the new value, subtract the old), which matters where SPEC needs exact
 * zeros (MFI with no rising day) and for checks to 1e-9.
 *
 * <p>{@code lagged} is scratch of at least {@code n} values; no array may be passed twice.
 */
final class Windows {

    private Windows() {
    }

    /** {@code x[i-w+1] + … + x[i]}, added in that order. */
    static void sum(double[] x, int n, int w, double[] out, double[] lagged) {
        if (!start(n, w, out)) {
            return;
        }
        System.arraycopy(x, 0, out, w - 1, n - w + 1);
        for (int k = w - 2; k >= 0; k--) {
            lag(x, n, w, k, lagged);
            for (int i = w - 1; i < n; i++) {
                out[i] += lagged[i];
            }
        }
    }

    /** The plain mean: the sum divided by {@code w}. */
    static void mean(double[] x, int n, int w, double[] out, double[] lagged) {
        sum(x, n, w, out, lagged);
        for (int i = w - 1; i < n; i++) {
            out[i] /= w;
        }
    }

    static void max(double[] x, int n, int w, double[] out, double[] lagged) {
        if (!start(n, w, out)) {
            return;
        }
        System.arraycopy(x, 0, out, w - 1, n - w + 1);
        for (int k = w - 2; k >= 0; k--) {
            lag(x, n, w, k, lagged);
            for (int i = w - 1; i < n; i++) {
                out[i] = Math.max(out[i], lagged[i]);
            }
        }
    }

    static void min(double[] x, int n, int w, double[] out, double[] lagged) {
        if (!start(n, w, out)) {
            return;
        }
        System.arraycopy(x, 0, out, w - 1, n - w + 1);
        for (int k = w - 2; k >= 0; k--) {
            lag(x, n, w, k, lagged);
            for (int i = w - 1; i < n; i++) {
                out[i] = Math.min(out[i], lagged[i]);
            }
        }
    }

    /** {@code Σ (x[j] − center[i])²} over the window of {@code i}: the two-pass variance's numerator. */
    static void sumSquaredDeviations(double[] x, double[] center, int n, int w, double[] out, double[] lagged) {
        if (!start(n, w, out)) {
            return;
        }
        Arrays.fill(out, w - 1, n, 0.0);
        for (int k = w - 1; k >= 0; k--) {
            lag(x, n, w, k, lagged);
            for (int i = w - 1; i < n; i++) {
                double d = lagged[i] - center[i];
                out[i] += d * d;
            }
        }
    }

    /** {@code Σ |x[j] − center[i]|} over the window of {@code i} (CCI's mean deviation, times w). */
    static void sumAbsoluteDeviations(double[] x, double[] center, int n, int w, double[] out, double[] lagged) {
        if (!start(n, w, out)) {
            return;
        }
        Arrays.fill(out, w - 1, n, 0.0);
        for (int k = w - 1; k >= 0; k--) {
            lag(x, n, w, k, lagged);
            for (int i = w - 1; i < n; i++) {
                out[i] += Math.abs(lagged[i] - center[i]);
            }
        }
    }

    /**
     * {@code run[i]}: how many values up to and including {@code x[i]} are equal to it in a row.
     * The window of {@code i} is flat (its std and mean deviation are exactly 0) iff
     * {@code run[i] >= w}; testing that rather than the computed std matters because the computed
     * mean of equal values can be off by an ulp (20 × 0.1 / 20 ≠ 0.1), leaving a std of 1e-17.
     */
    static void equalRuns(double[] x, int n, int[] run) {
        for (int i = 0; i < n; i++) {
            run[i] = i > 0 && x[i] == x[i - 1] ? run[i - 1] + 1 : 1;
        }
    }

    /** {@code lagged[i] = x[i-k]} for the rows that have a complete window. */
    private static void lag(double[] x, int n, int w, int k, double[] lagged) {
        System.arraycopy(x, w - 1 - k, lagged, w - 1, n - w + 1);
    }

    /** Fills the warm-up with NaN; false when no window is complete. */
    private static boolean start(int n, int w, double[] out) {
        Arrays.fill(out, 0, Math.min(w - 1, n), Double.NaN);
        return n >= w;
    }
}
