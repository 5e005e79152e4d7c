package com.alphaquant.alpha.compute;

import com.alphaquant.alpha.compute.WindowKernels.Moment;
import com.alphaquant.alpha.expr.Op;
import java.util.Arrays;

/**
 * Time-series operators over each stock's own bars. A value is missing (NaN) where any value in
 * its window is missing or the stock has fewer bars than the window: each stock's bars are cut
 * into runs of finite values and every run is computed on its own, so a missing value ends one
 * run and a new one starts after it (EMA, whose window is unbounded, restarts there, seeded
 * again). Ref and Delta read the bar {@code w} rows earlier.
 */
final class TimeSeries {

    private final AlphaPanel panel;
    private final double[] g;
    private final double[] h;
    private final double[] sorted = new double[Op.WINDOWS.get(Op.WINDOWS.size() - 1)];

    TimeSeries(AlphaPanel panel) {
        this.panel = panel;
        this.g = new double[panel.rows()];
        this.h = new double[panel.rows()];
    }

    void apply(Op op, double[] x, int w, double[] out) {
        int[] start = panel.stockStarts();
        for (int s = 0; s < panel.stockCount(); s++) {
            int from = start[s];
            int to = start[s + 1];
            if (op == Op.REF || op == Op.DELTA) {
                lag(op == Op.DELTA, x, from, to, w, out);
                continue;
            }
            int i = from;
            while (i < to) {
                if (Double.isNaN(x[i])) {
                    out[i++] = Double.NaN;
                    continue;
                }
                int end = i + 1;
                while (end < to && !Double.isNaN(x[end])) {
                    end++;
                }
                run(op, x, i, end, w, out);
                i = end;
            }
        }
    }

    /** Corr and Cov: runs where both operands are finite. */
    void applyPair(Op op, double[] x, double[] y, int w, double[] out) {
        int[] start = panel.stockStarts();
        for (int s = 0; s < panel.stockCount(); s++) {
            int to = start[s + 1];
            int i = start[s];
            while (i < to) {
                if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                    out[i++] = Double.NaN;
                    continue;
                }
                int end = i + 1;
                while (end < to && !Double.isNaN(x[end]) && !Double.isNaN(y[end])) {
                    end++;
                }
                WindowKernels.pair(op == Op.CORR, x, y, i, end, w, out);
                i = end;
            }
        }
    }

    private void run(Op op, double[] x, int a, int b, int w, double[] out) {
        switch (op) {
            case MEAN -> WindowKernels.mean(x, a, b, w, out);
            case WMA -> WindowKernels.wma(x, a, b, w, out);
            case EMA -> WindowKernels.ema(x, a, b, w, out);
            case VAR -> WindowKernels.moments(Moment.VAR, x, a, b, w, out);
            case STD -> WindowKernels.moments(Moment.STD, x, a, b, w, out);
            case SKEW -> WindowKernels.moments(Moment.SKEW, x, a, b, w, out);
            case KURT -> WindowKernels.moments(Moment.KURT, x, a, b, w, out);
            case MAD -> WindowKernels.mad(x, a, b, w, out);
            case MAX -> WindowKernels.extreme(true, x, a, b, w, out, g, h);
            case MIN -> WindowKernels.extreme(false, x, a, b, w, out, g, h);
            case MED -> WindowKernels.median(x, a, b, w, out, sorted);
            case RANK -> WindowKernels.rank(x, a, b, w, out);
            default -> throw new IllegalArgumentException(op + " is not a one-operand time-series operator");
        }
    }

    private static void lag(boolean delta, double[] x, int from, int to, int w, double[] out) {
        int first = Math.min(from + w, to);
        Arrays.fill(out, from, first, Double.NaN);
        for (int i = first; i < to; i++) {
            out[i] = delta ? x[i] - x[i - w] : x[i - w];
        }
    }
}
