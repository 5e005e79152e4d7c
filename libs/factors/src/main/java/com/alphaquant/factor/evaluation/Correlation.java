package com.alphaquant.factor.evaluation;

/**
 * Correlation over the pairwise-complete observations of two series: index i counts when both
 * x[i] and y[i] are numbers. NaN when fewer than two such pairs or when either side is constant
 * over them. Two-pass (means first), so large offsets do not cancel digits.
 */
public final class Correlation {

    private Correlation() {
    }

    public static double of(CorrelationMethod method, double[] x, double[] y) {
        return method == CorrelationMethod.PEARSON ? pearson(x, y) : spearman(x, y);
    }

    public static double pearson(double[] x, double[] y) {
        Pairs p = Pairs.of(x, y);
        return pearson(p.x, p.y, p.n);
    }

    public static double spearman(double[] x, double[] y) {
        Pairs p = Pairs.of(x, y);
        return pearson(Ranks.average(p.x, p.n), Ranks.average(p.y, p.n), p.n);
    }

    /** The number of pairwise-complete observations. */
    public static int observations(double[] x, double[] y) {
        return Pairs.of(x, y).n;
    }

    static double pearson(double[] x, double[] y, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** The pairs where both sides are numbers, packed to the front. */
    record Pairs(double[] x, double[] y, int n) {

        static Pairs of(double[] x, double[] y) {
            if (x.length != y.length) {
                throw new IllegalArgumentException("Series of different lengths: " + x.length + " and " + y.length);
            }
            double[] px = new double[x.length];
            double[] py = new double[y.length];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                    px[n] = x[i];
                    py[n++] = y[i];
                }
            }
            return new Pairs(px, py, n);
        }
    }
}
