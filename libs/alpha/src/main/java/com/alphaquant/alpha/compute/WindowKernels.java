package com.alphaquant.alpha.compute;

import java.util.Arrays;

/**
 * Trailing-window statistics over one run of finite values {@code x[a..b)} (a stretch of one
 * stock's bars without a missing value): {@code out[i]} covers {@code x[i-w+1..i]} for
 * {@code i >= a+w-1}; the first {@code w-1} rows of the run are NaN (an incomplete window).
 *
 * <p>Sums slide in O(1) per row (add the new value, drop the old), which is what makes a
 * formula cost O(rows) rather than O(rows × window). Three guards keep them accurate: values are
 * shifted by a value of the window before summing, so moments of large prices do not cancel
 * their leading digits; the sums restart from scratch every {@code w} rows with a new shift, so
 * rounding never accumulates beyond one window; and the moment sums also restart when a
 * departing value's squared deviation dwarfs the spread left (an outlier leaving a nearly flat
 * window), where subtracting it would cancel most digits of what remains. A window of equal values is recognised exactly (by
 * the run of equal values ending at the row), so its variance is exactly 0 and statistics that
 * divide by it are NaN rather than noise.
 */
final class WindowKernels {

    /** A window is recomputed when a departing squared deviation exceeds the rest's spread this many times. */
    private static final double CANCELLATION = 1e3;

    private WindowKernels() {
    }

    /** The plain mean. */
    static void mean(double[] x, int a, int b, int w, double[] out) {
        int first = warmUp(a, b, w, out);
        for (int block = first; block < b; block += w) {
            double k = x[block];
            double s = 0;
            for (int j = block - w + 1; j <= block; j++) {
                s += x[j] - k;
            }
            out[block] = k + s / w;
            int end = Math.min(block + w, b);
            for (int i = block + 1; i < end; i++) {
                s += (x[i] - k) - (x[i - w] - k);
                out[i] = k + s / w;
            }
        }
    }

    /** Linearly weighted mean: weight w for the newest value down to 1 for the oldest. */
    static void wma(double[] x, int a, int b, int w, double[] out) {
        int first = warmUp(a, b, w, out);
        double weights = w * (w + 1) / 2.0;
        for (int block = first; block < b; block += w) {
            double k = x[block];
            double s = 0;
            double t = 0;
            for (int j = block - w + 1; j <= block; j++) {
                double u = x[j] - k;
                s += u;
                t += (j - (block - w)) * u;
            }
            out[block] = k + t / weights;
            int end = Math.min(block + w, b);
            for (int i = block + 1; i < end; i++) {
                double in = x[i] - k;
                t += w * in - s; // every weight drops by one, the oldest to 0; the new value gets w
                s += in - (x[i - w] - k);
                out[i] = k + t / weights;
            }
        }
    }

    /** EMA_w as SPEC defines it: α = 2/(w+1), seeded with the mean of the run's first w values. */
    static void ema(double[] x, int a, int b, int w, double[] out) {
        int first = warmUp(a, b, w, out);
        if (first >= b) {
            return;
        }
        double sum = 0;
        for (int j = a; j <= first; j++) {
            sum += x[j];
        }
        double e = sum / w;
        out[first] = e;
        double alpha = 2.0 / (w + 1);
        for (int i = first + 1; i < b; i++) {
            e = alpha * x[i] + (1 - alpha) * e;
            out[i] = e;
        }
    }

    /** Variance and standard deviation (sample, n−1), skewness and excess kurtosis (as pandas' rolling ones). */
    static void moments(Moment moment, double[] x, int a, int b, int w, double[] out) {
        int first = warmUp(a, b, w, out);
        int run = equalRun(x, a, Math.min(first, b));
        double k = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        int since = w;
        boolean higher = moment == Moment.SKEW || moment == Moment.KURT; // Var and Std need two sums only
        for (int i = first; i < b; i++) {
            run = x[i] == x[i - 1] ? run + 1 : 1;
            boolean fresh = since >= w;
            if (!fresh) {
                double u = x[i] - k;
                double v = x[i - w] - k;
                double u2 = u * u;
                double v2 = v * v;
                s1 += u - v;
                s2 += u2 - v2;
                if (higher) {
                    s3 += u2 * u - v2 * v;
                    s4 += u2 * u2 - v2 * v2;
                }
                fresh = cancels(v2, s2 - s1 * s1 / w);
            }
            if (fresh) {
                k = x[i];
                s1 = 0;
                s2 = 0;
                s3 = 0;
                s4 = 0;
                for (int j = i - w + 1; j <= i; j++) {
                    double u = x[j] - k;
                    double u2 = u * u;
                    s1 += u;
                    s2 += u2;
                    s3 += u2 * u;
                    s4 += u2 * u2;
                }
                since = 0;
            }
            since++;
            out[i] = moment.of(s1, s2, s3, s4, w, run >= w);
        }
    }

    /**
     * Whether dropping a term of {@code dropped} (a squared deviation) left a spread sum
     * ({@code left}) so much smaller that its leading digits cancelled: recompute the window.
     */
    private static boolean cancels(double dropped, double left) {
        return dropped > CANCELLATION * left;
    }

    /** The moment statistics {@link #moments} computes from the sums of powers of shifted values. */
    enum Moment {
        VAR, STD, SKEW, KURT;

        double of(double s1, double s2, double s3, double s4, int w, boolean flat) {
            double m = s1 / w;
            double c2 = Math.max(0, s2 - s1 * m);
            switch (this) {
                case VAR:
                    return flat ? 0 : c2 / (w - 1);
                case STD:
                    return flat ? 0 : Math.sqrt(c2 / (w - 1));
                case SKEW: {
                    if (flat || c2 == 0) {
                        return Double.NaN;
                    }
                    double c3 = s3 - 3 * m * s2 + 2 * w * m * m * m;
                    double var = c2 / w;
                    return Math.sqrt((double) w * (w - 1)) / (w - 2) * (c3 / w) / (var * Math.sqrt(var));
                }
                default: {
                    if (flat || c2 == 0) {
                        return Double.NaN;
                    }
                    double m2 = m * m;
                    double c4 = s4 - 4 * m * s3 + 6 * m2 * s2 - 3 * w * m2 * m2;
                    double d = (w - 2.0) * (w - 3.0);
                    return (w + 1.0) * w * (w - 1.0) * c4 / (d * c2 * c2) - 3.0 * (w - 1.0) * (w - 1.0) / d;
                }
            }
        }
    }

    /** Mean absolute deviation from the window's mean. O(w) per row. */
    static void mad(double[] x, int a, int b, int w, double[] out) {
        mean(x, a, b, w, out);
        for (int i = a + w - 1; i < b; i++) {
            double m = out[i];
            double s = 0;
            for (int j = i - w + 1; j <= i; j++) {
                s += Math.abs(x[j] - m);
            }
            out[i] = s / w;
        }
    }

    /**
     * Maximum ({@code max} true) or minimum, van Herk / Gil-Werman: within blocks of w rows,
     * running extremes from the block's start ({@code g}) and from its end ({@code h}); a window
     * spans at most two blocks, so its extreme is that of {@code h} at its start and {@code g}
     * at its end. Three passes, no data-dependent branches. {@code g}, {@code h}: scratch over
     * the same rows.
     */
    static void extreme(boolean max, double[] x, int a, int b, int w, double[] out, double[] g, double[] h) {
        int first = warmUp(a, b, w, out);
        if (first >= b) {
            return;
        }
        for (int start = a; start < b; start += w) {
            int end = Math.min(start + w, b);
            g[start] = x[start];
            for (int i = start + 1; i < end; i++) {
                g[i] = max ? Math.max(g[i - 1], x[i]) : Math.min(g[i - 1], x[i]);
            }
            h[end - 1] = x[end - 1];
            for (int i = end - 2; i >= start; i--) {
                h[i] = max ? Math.max(h[i + 1], x[i]) : Math.min(h[i + 1], x[i]);
            }
        }
        for (int i = first; i < b; i++) {
            out[i] = max ? Math.max(h[i - w + 1], g[i]) : Math.min(h[i - w + 1], g[i]);
        }
    }

    /**
     * The median, keeping the window sorted in {@code sorted} (scratch of w values): each row
     * removes the oldest value and inserts the newest, two binary searches and one shift.
     */
    static void median(double[] x, int a, int b, int w, double[] out, double[] sorted) {
        int first = warmUp(a, b, w, out);
        if (first >= b) {
            return;
        }
        System.arraycopy(x, a, sorted, 0, w);
        Arrays.sort(sorted, 0, w);
        for (int i = first; i < b; i++) {
            if (i > first) {
                replace(sorted, w, x[i - w], x[i]);
            }
            out[i] = (w & 1) == 1 ? sorted[w / 2] : 0.5 * (sorted[w / 2 - 1] + sorted[w / 2]);
        }
    }

    /**
     * The time-series rank: the average rank of the newest value among the window's (ties
     * share), divided by w, so in (0, 1]. Counted directly, without branches: cheaper than
     * keeping the window sorted for windows this short.
     */
    static void rank(double[] x, int a, int b, int w, double[] out) {
        int first = warmUp(a, b, w, out);
        for (int i = first; i < b; i++) {
            double v = x[i];
            int below = 0;
            int equal = 0;
            for (int j = i - w + 1; j <= i; j++) {
                below += x[j] < v ? 1 : 0;
                equal += x[j] == v ? 1 : 0;
            }
            out[i] = (below + (equal + 1) / 2.0) / w;
        }
    }

    /** Correlation or covariance (sample, n−1) of two runs of finite values over the same rows. */
    static void pair(boolean correlation, double[] x, double[] y, int a, int b, int w, double[] out) {
        int first = warmUp(a, b, w, out);
        int runX = equalRun(x, a, Math.min(first, b));
        int runY = equalRun(y, a, Math.min(first, b));
        double kx = 0;
        double ky = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int since = w;
        for (int i = first; i < b; i++) {
            runX = x[i] == x[i - 1] ? runX + 1 : 1;
            runY = y[i] == y[i - 1] ? runY + 1 : 1;
            boolean fresh = since >= w;
            if (!fresh) {
                double u = x[i] - kx;
                double v = y[i] - ky;
                double uo = x[i - w] - kx;
                double vo = y[i - w] - ky;
                sx += u - uo;
                sy += v - vo;
                sxx += u * u - uo * uo;
                syy += v * v - vo * vo;
                sxy += u * v - uo * vo;
                fresh = cancels(uo * uo, sxx - sx * sx / w) || cancels(vo * vo, syy - sy * sy / w);
            }
            if (fresh) {
                kx = x[i];
                ky = y[i];
                sx = 0;
                sy = 0;
                sxx = 0;
                syy = 0;
                sxy = 0;
                for (int j = i - w + 1; j <= i; j++) {
                    double u = x[j] - kx;
                    double v = y[j] - ky;
                    sx += u;
                    sy += v;
                    sxx += u * u;
                    syy += v * v;
                    sxy += u * v;
                }
                since = 0;
            }
            since++;
            boolean flat = runX >= w || runY >= w;
            double cxy = sxy - sx * sy / w;
            if (!correlation) {
                out[i] = flat ? 0 : cxy / (w - 1);
                continue;
            }
            double cxx = sxx - sx * sx / w;
            double cyy = syy - sy * sy / w;
            out[i] = flat || cxx <= 0 || cyy <= 0 ? Double.NaN : Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy)));
        }
    }

    /**
     * Replaces one occurrence of {@code old} in {@code sorted[0..n)} by {@code value}, keeping it
     * sorted: the values between the two move one place, as in an insertion sort.
     */
    private static void replace(double[] sorted, int n, double old, double value) {
        int p = firstNotBelow(sorted, n, old);
        if (value >= old) {
            for (; p + 1 < n && sorted[p + 1] < value; p++) {
                sorted[p] = sorted[p + 1];
            }
        } else {
            for (; p > 0 && sorted[p - 1] > value; p--) {
                sorted[p] = sorted[p - 1];
            }
        }
        sorted[p] = value;
    }

    /**
     * The first index in {@code sorted[0..n)} whose value is not below {@code v}. A binary search
     * whose steps do not depend on the data (the comparison picks the next base, which the JIT
     * compiles to a conditional move): the branches of the usual one are unpredictable here.
     */
    static int firstNotBelow(double[] sorted, int n, double v) {
        int base = 0;
        int len = n;
        while (len > 1) {
            int half = len >>> 1;
            base = sorted[base + half - 1] < v ? base + half : base;
            len -= half;
        }
        return len == 1 && sorted[base] < v ? base + 1 : base;
    }

    /** The first index in {@code sorted[from..n)} whose value is above {@code v}; as {@link #firstNotBelow}. */
    static int firstAbove(double[] sorted, int from, int n, double v) {
        int base = from;
        int len = n - from;
        while (len > 1) {
            int half = len >>> 1;
            base = sorted[base + half - 1] <= v ? base + half : base;
            len -= half;
        }
        return len == 1 && sorted[base] <= v ? base + 1 : base;
    }

    /**
     * How many values in a row up to {@code x[end-1]} are equal to it, counting from {@code a}
     * (1 for {@code end = a + 1}); the window ending at a row is flat iff this reaches w there.
     */
    private static int equalRun(double[] x, int a, int end) {
        int run = 1;
        for (int i = a + 1; i < end; i++) {
            run = x[i] == x[i - 1] ? run + 1 : 1;
        }
        return run;
    }

    /** NaN over the run's incomplete windows; the first row with a complete one. */
    private static int warmUp(int a, int b, int w, double[] out) {
        int first = a + w - 1;
        Arrays.fill(out, a, Math.min(first, b), Double.NaN);
        return first;
    }
}
