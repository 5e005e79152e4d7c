package com.alphaquant.model.dataset;

import java.util.Arrays;

/**
 * One day's values of one factor across the stocks that traded that day, made comparable
 * across days: winsorised at median ± {@value #CLIP} robust standard deviations
 * (1.4826·MAD, the normal-consistent scale), then z-scored (population std, so the day's
 * values have mean 0 and std 1 exactly). NaN stays NaN.
 *
 * <p>Why MAD and why before the z-score: factor cross-sections are heavy-tailed (VOLUME_RATIO
 * on a stock's resumption day, ILLIQ20 of a thin stock, MOM60 after a restructuring); one such
 * value inflates a plain std so much that every other stock is squeezed towards 0. Clipping at
 * ±3 of that std would leave the damage done, while the median and MAD do not move with the
 * outliers. A zero MAD (more than half the stocks share one value, as with LIMIT_NET20's
 * zeros) gives no scale to clip with; the values are then only z-scored, since clipping to the
 * median would erase exactly the rare stocks that carry information. A lone non-zero value
 * among n zeros then has a z-score of √(n−1) (17 for 300 stocks), so z-scores are finally
 * capped at ±{@value #Z_CAP}, a bound meant for such days (the day's std is then below 1).
 */
public final class CrossSection {

    static final double CLIP = 3.0;
    static final double Z_CAP = 5.0;
    private static final double MAD_TO_SIGMA = 1.4826;

    private CrossSection() {
    }

    /** Standardises {@code x[0..n)} in place; {@code scratch} holds at least n values. */
    public static void standardise(double[] x, int n, double[] scratch) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                scratch[m++] = x[i];
            }
        }
        if (m == 0) {
            return;
        }
        double median = median(scratch, m);
        for (int i = 0; i < m; i++) {
            scratch[i] = Math.abs(scratch[i] - median);
        }
        double mad = median(scratch, m);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        if (mad > 0) {
            lo = median - CLIP * MAD_TO_SIGMA * mad;
            hi = median + CLIP * MAD_TO_SIGMA * mad;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                x[i] = Math.min(hi, Math.max(lo, x[i]));
                sum += x[i];
            }
        }
        double mean = sum / m;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                double d = x[i] - mean;
                ss += d * d;
            }
        }
        double std = Math.sqrt(ss / m);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                // Equal values (or a single stock) carry no ranking: every stock is average.
                x[i] = std > 0 ? Math.max(-Z_CAP, Math.min(Z_CAP, (x[i] - mean) / std)) : 0.0;
            }
        }
    }

    private static double median(double[] values, int m) {
        Arrays.sort(values, 0, m);
        return (m & 1) == 1 ? values[m / 2] : 0.5 * (values[m / 2 - 1] + values[m / 2]);
    }
}
