package com.alphaquant.factor.engine;

import java.util.Arrays;

/** Volatility: VOL20, BOLL_PCTB, BOLL_WIDTH, ATR14. */
final class VolatilityFactors {

    private VolatilityFactors() {
    }

    /** VOL20 = sample std of the last 20 RET (so from row 20: RET starts on row 1). */
    static void vol20(StockWork w, double[] out) {
        double[] ret = w.ret();
        double[] mean = w.t1;
        Windows.mean(ret, w.n, 20, mean, w.lagged);
        Windows.sumSquaredDeviations(ret, mean, w.n, 20, out, w.lagged);
        for (int i = 19; i < w.n; i++) {
            out[i] = Math.sqrt(out[i] / 19);
        }
    }

    /** BOLL_PCTB = (c − lower) / (upper − lower), bands SMA20 ± 2 population std; 0.5 when the std is 0. */
    static void bollPctb(StockWork w, double[] out) {
        double[] mid = w.sma20Close();
        double[] sd = w.bollStd();
        int[] runs = w.closeRuns();
        Arrays.fill(out, 0, Math.min(19, w.n), Double.NaN);
        for (int i = 19; i < w.n; i++) {
            double upper = mid[i] + 2 * sd[i];
            double lower = mid[i] - 2 * sd[i];
            out[i] = runs[i] >= 20 ? 0.5 : (w.close[i] - lower) / (upper - lower);
        }
    }

    /** BOLL_WIDTH = (upper − lower) / middle; 0 when the 20 closes are equal. */
    static void bollWidth(StockWork w, double[] out) {
        double[] mid = w.sma20Close();
        double[] sd = w.bollStd();
        int[] runs = w.closeRuns();
        Arrays.fill(out, 0, Math.min(19, w.n), Double.NaN);
        for (int i = 19; i < w.n; i++) {
            double upper = mid[i] + 2 * sd[i];
            double lower = mid[i] - 2 * sd[i];
            out[i] = runs[i] >= 20 ? 0.0 : (upper - lower) / mid[i];
        }
    }

    /** ATR14 = W14(TR) / c, TR = max(h−l, |h−c₋₁|, |l−c₋₁|) from the second bar on. */
    static void atr14(StockWork w, double[] out) {
        double[] tr = w.t1;
        double[] h = w.high;
        double[] l = w.low;
        double[] c = w.close;
        for (int i = 1; i < w.n; i++) {
            tr[i] = Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
        }
        Smoothing.wilder(tr, w.n, 1, 14, out);
        for (int i = 14; i < w.n; i++) {
            out[i] /= c[i];
        }
    }
}
