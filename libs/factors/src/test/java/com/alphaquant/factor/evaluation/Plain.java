package com.alphaquant.factor.evaluation;

/** Straightforward re-implementations to check the library against: no shared code with it. */
final class Plain {

    private Plain() {
    }

    static double[][] pairs(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        double[][] out = new double[2][n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                out[0][k] = x[i];
                out[1][k++] = y[i];
            }
        }
        return out;
    }

    /** Rank = 1 + (values below) + (equal others) / 2. */
    static double[] ranks(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int below = 0;
            int equal = 0;
            for (int j = 0; j < x.length; j++) {
                if (x[j] < x[i]) {
                    below++;
                } else if (x[j] == x[i] && j != i) {
                    equal++;
                }
            }
            r[i] = 1 + below + equal / 2.0;
        }
        return r;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx) / Math.sqrt(syy);
    }
}
