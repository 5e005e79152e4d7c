package com.alphaquant.alpha.compute;

import com.alphaquant.alpha.expr.Op;
import java.util.Arrays;

/**
 * The time-series and cross-sectional operators written the plain way, straight from their
 * definitions (docs/alpha.md): every window gathered and computed on its own, two-pass
 * moments, ranks by counting. Slow and independent of the evaluator's kernels.
 */
final class Naive {

    private Naive() {
    }

    /** One-operand time-series operator at every row of every stock. */
    static double[] timeSeries(AlphaPanel p, Op op, double[] x, int w) {
        double[] out = new double[p.rows()];
        for (int s = 0; s < p.stockCount(); s++) {
            int from = p.stockStart(s);
            for (int i = from; i < p.stockStart(s + 1); i++) {
                out[i] = at(op, x, from, i, w);
            }
        }
        return out;
    }

    static double[] pair(AlphaPanel p, Op op, double[] x, double[] y, int w) {
        double[] out = new double[p.rows()];
        for (int s = 0; s < p.stockCount(); s++) {
            int from = p.stockStart(s);
            for (int i = from; i < p.stockStart(s + 1); i++) {
                double[] a = window(x, from, i, w);
                double[] b = window(y, from, i, w);
                out[i] = a == null || b == null ? Double.NaN : op == Op.CORR ? corr(a, b) : cov(a, b);
            }
        }
        return out;
    }

    private static double at(Op op, double[] x, int from, int i, int w) {
        if (op == Op.REF || op == Op.DELTA) {
            if (i - w < from) {
                return Double.NaN;
            }
            return op == Op.REF ? x[i - w] : x[i] - x[i - w];
        }
        if (op == Op.EMA) {
            return ema(x, from, i, w);
        }
        double[] v = window(x, from, i, w);
        if (v == null) {
            return Double.NaN;
        }
        double mean = mean(v);
        switch (op) {
            case MEAN:
                return mean;
            case VAR:
                return cov(v, v);
            case STD:
                return Math.sqrt(cov(v, v));
            case SKEW: {
                double m2 = central(v, mean, 2);
                return m2 == 0 ? Double.NaN
                        : Math.sqrt(w * (w - 1.0)) / (w - 2) * central(v, mean, 3) / Math.pow(m2, 1.5);
            }
            case KURT: {
                double m2 = central(v, mean, 2);
                double g2 = central(v, mean, 4) / (m2 * m2) - 3;
                return m2 == 0 ? Double.NaN : (w - 1.0) / ((w - 2.0) * (w - 3.0)) * ((w + 1) * g2 + 6);
            }
            case MAX:
                return Arrays.stream(v).max().orElseThrow();
            case MIN:
                return Arrays.stream(v).min().orElseThrow();
            case MED: {
                double[] sorted = v.clone();
                Arrays.sort(sorted);
                return w % 2 == 1 ? sorted[w / 2] : (sorted[w / 2 - 1] + sorted[w / 2]) / 2;
            }
            case MAD:
                return Arrays.stream(v).map(a -> Math.abs(a - mean)).sum() / w;
            case WMA: {
                double sum = 0;
                for (int k = 0; k < w; k++) {
                    sum += (k + 1) * v[k];
                }
                return sum / (w * (w + 1) / 2.0);
            }
            case RANK: {
                double last = v[w - 1];
                int below = 0;
                int equal = 0;
                for (double a : v) {
                    below += a < last ? 1 : 0;
                    equal += a == last ? 1 : 0;
                }
                return (below + (equal + 1) / 2.0) / w;
            }
            default:
                throw new IllegalArgumentException(op.toString());
        }
    }

    /** EMA restarted after every missing value: seeded with the mean of the run's first w values. */
    private static double ema(double[] x, int from, int i, int w) {
        int start = i;
        while (start > from && !Double.isNaN(x[start - 1])) {
            start--;
        }
        if (Double.isNaN(x[i]) || i - start + 1 < w) {
            return Double.NaN;
        }
        double e = 0;
        for (int k = start; k < start + w; k++) {
            e += x[k];
        }
        e /= w;
        for (int k = start + w; k <= i; k++) {
            e = 2.0 / (w + 1) * x[k] + (1 - 2.0 / (w + 1)) * e;
        }
        return e;
    }

    /** x[i-w+1..i] when all of it lies in the stock and is present; null otherwise. */
    private static double[] window(double[] x, int from, int i, int w) {
        if (i - w + 1 < from) {
            return null;
        }
        double[] v = Arrays.copyOfRange(x, i - w + 1, i + 1);
        return Arrays.stream(v).anyMatch(Double::isNaN) ? null : v;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }

    private static double central(double[] v, double mean, int power) {
        return Arrays.stream(v).map(a -> Math.pow(a - mean, power)).sum() / v.length;
    }

    private static double cov(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - ma) * (b[k] - mb);
        }
        return s / (a.length - 1);
    }

    private static double corr(double[] a, double[] b) {
        double va = cov(a, a);
        double vb = cov(b, b);
        return va == 0 || vb == 0 ? Double.NaN : cov(a, b) / Math.sqrt(va * vb);
    }

    /** CSRank or CSZScore, day by day over the stocks with a value. */
    static double[] crossSection(AlphaPanel p, Op op, double[] x) {
        double[] out = new double[p.rows()];
        Arrays.fill(out, Double.NaN);
        for (int d = 0; d < p.dayCount(); d++) {
            int n = 0;
            double sum = 0;
            for (int k = p.dayStart(d); k < p.dayStart(d + 1); k++) {
                double v = x[p.daySlot(k)];
                if (!Double.isNaN(v)) {
                    n++;
                    sum += v;
                }
            }
            double mean = sum / n;
            double ss = 0;
            for (int k = p.dayStart(d); k < p.dayStart(d + 1); k++) {
                double v = x[p.daySlot(k)];
                if (!Double.isNaN(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            double std = Math.sqrt(ss / n);
            for (int k = p.dayStart(d); k < p.dayStart(d + 1); k++) {
                int row = p.daySlot(k);
                double v = x[row];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (op == Op.CS_ZSCORE) {
                    out[row] = n < 2 || std == 0 ? Double.NaN : (v - mean) / std;
                    continue;
                }
                int below = 0;
                int equal = 0;
                for (int j = p.dayStart(d); j < p.dayStart(d + 1); j++) {
                    double u = x[p.daySlot(j)];
                    below += u < v ? 1 : 0;
                    equal += u == v ? 1 : 0;
                }
                out[row] = (below + (equal + 1) / 2.0) / n;
            }
        }
        return out;
    }
}
