package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.factor.evaluation.InformationCoefficient;
import com.alphaquant.factor.evaluation.Summary;
import java.util.Arrays;
import java.util.List;

/**
 * Day-by-day Pearson correlations of two {@link DailyZ} series over the stocks that have both
 * values, NaN on a day with fewer than {@link InformationCoefficient#MIN_STOCKS} such stocks or
 * a constant side (libs/factors' IC conventions): the same figures as libs/factors'
 * {@code Correlation.pearson} of the raw values, to rounding, at a fraction of the cost.
 *
 * <p>Each side's values sum to 0 and their squares to its count over the stocks it has, so the
 * sums over the shared stocks are those totals less the few values the other side lacks, and
 * the cross products are one dot product of the zero-filled arrays. Scores carry no large
 * offsets, so this one-pass form loses nothing to cancellation.
 */
final class DailyCorrelation {

    private DailyCorrelation() {
    }

    /** {@code out[d - days.from()]}: the correlation on day d. */
    static double[] daily(AlphaPanel panel, DailyZ a, DailyZ b, DayRange days) {
        double[] out = new double[days.days()];
        for (int d = days.from(); d < days.to(); d++) {
            out[d - days.from()] = onDay(d, panel.dayStart(d), panel.dayStart(d + 1), a, b);
        }
        return out;
    }

    /** The mean over the days of the daily correlation (NaN days left out). */
    static double mean(AlphaPanel panel, DailyZ a, DailyZ b, DayRange days) {
        return Summary.of(daily(panel, a, b, days)).mean();
    }

    /**
     * {@code out[i][j]}: the mean daily correlation of {@code xs[i]} and {@code ys[j]}. Day by
     * day, so that each series' day is read from memory once for all the pairs it is in (the
     * pairs' sums are memory-bound otherwise: a screen compares every formula with 23 built-ins).
     */
    static double[][] means(AlphaPanel panel, List<DailyZ> xs, List<DailyZ> ys, DayRange days) {
        double[][][] daily = new double[xs.size()][ys.size()][days.days()];
        for (int d = days.from(); d < days.to(); d++) {
            int from = panel.dayStart(d);
            int to = panel.dayStart(d + 1);
            for (int j = 0; j < ys.size(); j++) {
                for (int i = 0; i < xs.size(); i++) {
                    daily[i][j][d - days.from()] = onDay(d, from, to, xs.get(i), ys.get(j));
                }
            }
        }
        double[][] out = new double[xs.size()][ys.size()];
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                out[i][j] = Summary.of(daily[i][j]).mean();
            }
        }
        return out;
    }

    private static double onDay(int d, int from, int to, DailyZ a, DailyZ b) {
        if (a.count[d] == 0 || b.count[d] == 0) {
            return Double.NaN;
        }
        double n = a.count[d];
        double sx = 0;
        double sxx = a.count[d];
        for (int i = b.missingStart[d]; i < b.missingStart[d + 1]; i++) {
            int k = b.missing[i];
            if (a.present[k]) {
                n--;
                sx -= a.z[k];
                sxx -= a.z[k] * a.z[k];
            }
        }
        double sy = 0;
        double syy = b.count[d];
        for (int i = a.missingStart[d]; i < a.missingStart[d + 1]; i++) {
            int k = a.missing[i];
            if (b.present[k]) {
                sy -= b.z[k];
                syy -= b.z[k] * b.z[k];
            }
        }
        if (n < InformationCoefficient.MIN_STOCKS) {
            return Double.NaN;
        }
        double sxy = dot(a.z, b.z, from, to);
        double cxx = sxx - sx * sx / n;
        double cyy = syy - sy * sy / n;
        if (!(cxx > 1e-9 * n) || !(cyy > 1e-9 * n)) {
            return Double.NaN; // constant over the shared stocks (to rounding: z-scores are of order 1)
        }
        return Math.max(-1, Math.min(1, (sxy - sx * sy / n) / Math.sqrt(cxx * cyy)));
    }

    /** Four sums, so that the additions do not wait on each other. */
    private static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += x[k] * y[k];
            s1 += x[k + 1] * y[k + 1];
            s2 += x[k + 2] * y[k + 2];
            s3 += x[k + 3] * y[k + 3];
        }
        for (; k < to; k++) {
            s0 += x[k] * y[k];
        }
        return s0 + s1 + s2 + s3;
    }

    /** The days' values, one array per day (for libs/factors' per-day APIs). */
    static double[][] perDay(AlphaPanel panel, double[] byDay, DayRange days) {
        double[][] out = new double[days.days()][];
        for (int d = days.from(); d < days.to(); d++) {
            out[d - days.from()] = Arrays.copyOfRange(byDay, panel.dayStart(d), panel.dayStart(d + 1));
        }
        return out;
    }
}
