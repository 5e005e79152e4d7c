package com.alphaquant.factor.engine;

import java.util.Arrays;

/** Volume and liquidity: VOLUME_RATIO, VWAP_DEV, ILLIQ20. */
final class VolumeFactors {

    private VolumeFactors() {
    }

    /** VOLUME_RATIO = vol / mean(vol₋₁ … vol₋₅); NaN when those five days traded nothing. */
    static void volumeRatio(StockWork w, double[] out) {
        int n = w.n;
        double[] vol = w.series.vol();
        double[] sum5 = w.t1;
        Windows.sum(vol, n, 5, sum5, w.lagged);
        Arrays.fill(out, 0, Math.min(5, n), Double.NaN);
        for (int i = 5; i < n; i++) {
            double mean = sum5[i - 1] / 5;
            out[i] = mean == 0 ? Double.NaN : vol[i] / mean;
        }
    }

    /**
     * VWAP_DEV = raw close / (amount·10 / vol) − 1 (amount in thousand CNY, vol in lots of 100:
     * VWAP in CNY per share); NaN when nothing traded (vol or amount 0).
     */
    static void vwapDev(StockWork w, double[] out) {
        StockSeries s = w.series;
        double[] vol = s.vol();
        double[] amount = s.amount();
        double[] close = s.close();
        for (int i = 0; i < w.n; i++) {
            out[i] = vol[i] == 0 || amount[i] == 0 ? Double.NaN : close[i] / (amount[i] * 10 / vol[i]) - 1;
        }
    }

    /**
     * ILLIQ20 = 1e9 · mean over 20 of |RET| / (amount·1000): Amihud, per CNY bn traded. A day with
     * no amount has no Amihud ratio, so any window holding one is NaN.
     */
    static void illiq20(StockWork w, double[] out) {
        int n = w.n;
        double[] ret = w.ret();
        double[] amount = w.series.amount();
        double[] ratio = w.t1;
        for (int i = 0; i < n; i++) {
            ratio[i] = amount[i] == 0 ? Double.NaN : Math.abs(ret[i]) / (amount[i] * 1000);
        }
        Windows.mean(ratio, n, 20, out, w.lagged);
        for (int i = 19; i < n; i++) {
            out[i] *= 1e9;
        }
    }
}
