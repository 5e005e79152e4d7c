package com.alphaquant.factor.engine;

import java.util.Arrays;

/** Trend and momentum: DEV20, MACD_DIF, MACD_HIST, MOM20, MOM60. */
final class TrendFactors {

    /** EMA26's first value, hence DIF's, is on row 25; EMA9(DIF) is seeded from there. */
    private static final int FIRST_DIF_ROW = 25;

    private TrendFactors() {
    }

    /** DEV20 = c / SMA20(c) − 1. */
    static void dev20(StockWork w, double[] out) {
        double[] sma = w.sma20Close();
        for (int i = 0; i < w.n; i++) {
            out[i] = w.close[i] / sma[i] - 1;
        }
    }

    /** MACD_DIF = (EMA12(c) − EMA26(c)) / c: scaled by price so that stocks compare. */
    static void macdDif(StockWork w, double[] out) {
        double[] dif = w.macdDif();
        for (int i = 0; i < w.n; i++) {
            out[i] = dif[i] / w.close[i];
        }
    }

    /** MACD_HIST = (DIF − EMA9(DIF)) / c. */
    static void macdHist(StockWork w, double[] out) {
        double[] dif = w.macdDif();
        double[] dea = w.t1;
        Smoothing.ema(dif, w.n, FIRST_DIF_ROW, 9, dea);
        for (int i = 0; i < w.n; i++) {
            out[i] = (dif[i] - dea[i]) / w.close[i];
        }
    }

    static void mom20(StockWork w, double[] out) {
        System.arraycopy(w.mom20(), 0, out, 0, w.n);
    }

    static void mom60(StockWork w, double[] out) {
        momentum(w.close, w.n, 60, out);
    }

    /** c / c₋ₖ − 1; NaN on the first k rows. */
    static void momentum(double[] c, int n, int k, double[] out) {
        Arrays.fill(out, 0, Math.min(k, n), Double.NaN);
        for (int i = k; i < n; i++) {
            out[i] = c[i] / c[i - k] - 1;
        }
    }
}
