package com.alphaquant.factor.engine;

import java.util.Arrays;

/** Bounded oscillators: RSI14, KDJ_K, CCI20, WILLR14, MFI14. */
final class Oscillators {

    private Oscillators() {
    }

    /** RSI14 = 100·W14(gain) / (W14(gain) + W14(loss)) over c − c₋₁; 50 when both are 0. */
    static void rsi14(StockWork w, double[] out) {
        int n = w.n;
        double[] c = w.close;
        double[] gain = w.t1;
        double[] loss = w.t2;
        for (int i = 1; i < n; i++) {
            double d = c[i] - c[i - 1];
            gain[i] = d > 0 ? d : 0.0;
            loss[i] = d < 0 ? -d : 0.0;
        }
        Smoothing.wilder(gain, n, 1, 14, gain);
        Smoothing.wilder(loss, n, 1, 14, loss);
        Arrays.fill(out, 0, Math.min(14, n), Double.NaN);
        for (int i = 14; i < n; i++) {
            double up = gain[i];
            double down = loss[i];
            out[i] = up + down == 0 ? 50.0 : 100 * up / (up + down);
        }
    }

    /**
     * KDJ_K: RSV = 100·(c − LLV9(l)) / (HHV9(h) − LLV9(l)), 50 when the range is 0;
     * K = ⅔K₋₁ + ⅓RSV from K = 50 before the first RSV (row 8).
     */
    static void kdjK(StockWork w, double[] out) {
        int n = w.n;
        double[] hh = w.t1;
        double[] ll = w.t2;
        Windows.max(w.high, n, 9, hh, w.lagged);
        Windows.min(w.low, n, 9, ll, w.lagged);
        Arrays.fill(out, 0, Math.min(8, n), Double.NaN);
        double k = 50.0;
        for (int i = 8; i < n; i++) {
            double range = hh[i] - ll[i];
            double rsv = range == 0 ? 50.0 : 100 * (w.close[i] - ll[i]) / range;
            k = (2 * k + rsv) / 3;
            out[i] = k;
        }
    }

    /**
     * CCI20 = (TP − SMA20(TP)) / (0.015·MD20); 0 when MD20 = 0, i.e. when the 20 TP are equal
     * (tested as such: the computed MD of equal values can be an ulp above 0).
     */
    static void cci20(StockWork w, double[] out) {
        int n = w.n;
        double[] tp = w.typicalPrice();
        double[] mean = w.t1;
        double[] md = w.t2;
        int[] runs = w.runs;
        Windows.mean(tp, n, 20, mean, w.lagged);
        Windows.sumAbsoluteDeviations(tp, mean, n, 20, md, w.lagged);
        Windows.equalRuns(tp, n, runs);
        Arrays.fill(out, 0, Math.min(19, n), Double.NaN);
        for (int i = 19; i < n; i++) {
            out[i] = runs[i] >= 20 ? 0.0 : (tp[i] - mean[i]) / (0.015 * (md[i] / 20));
        }
    }

    /** WILLR14 = −100·(HHV14(h) − c) / (HHV14(h) − LLV14(l)); −50 when the range is 0. */
    static void willr14(StockWork w, double[] out) {
        int n = w.n;
        double[] hh = w.t1;
        double[] ll = w.t2;
        Windows.max(w.high, n, 14, hh, w.lagged);
        Windows.min(w.low, n, 14, ll, w.lagged);
        Arrays.fill(out, 0, Math.min(13, n), Double.NaN);
        for (int i = 13; i < n; i++) {
            double range = hh[i] - ll[i];
            out[i] = range == 0 ? -50.0 : -100 * (hh[i] - w.close[i]) / range;
        }
    }

    /**
     * MFI14 = 100·P / (P + N), P and N the 14-day sums of TP·vol on days TP rose / fell against
     * the bar before (so from row 14); 50 when both are 0.
     */
    static void mfi14(StockWork w, double[] out) {
        int n = w.n;
        double[] tp = w.typicalPrice();
        double[] vol = w.series.vol();
        double[] rising = w.t1;
        double[] falling = w.t2;
        if (n > 0) {
            rising[0] = Double.NaN;
            falling[0] = Double.NaN;
        }
        for (int i = 1; i < n; i++) {
            double flow = tp[i] * vol[i];
            int direction = tpDirection(w.series, tp, i);
            rising[i] = direction > 0 ? flow : 0.0;
            falling[i] = direction < 0 ? flow : 0.0;
        }
        double[] p = w.t3;
        double[] q = w.t4;
        Windows.sum(rising, n, 14, p, w.lagged);
        Windows.sum(falling, n, 14, q, w.lagged);
        for (int i = 0; i < n; i++) {
            out[i] = Double.isNaN(p[i]) ? Double.NaN : p[i] + q[i] == 0 ? 50.0 : 100 * p[i] / (p[i] + q[i]);
        }
    }

    /**
     * Whether TP rose (+1), fell (−1) or stayed (0) from row i−1 to row i, the same in any
     * adjustment basis. With the same adj_factor on both days, qfq TPs are equal exactly when
     * the raw prices' cent sums are; comparing the adjusted doubles instead would let rounding
     * decide (h·f + l·f + c·f of two days with equal h + l + c can differ in the last bit for one
     * f and not for another: 688008.SH on 2022-06-09), so factor-service, whose factors are
     * Tushare's cumulative ones, and the CLI, with adj_factor_rel, would disagree.
     */
    static int tpDirection(StockSeries s, double[] tp, int i) {
        if (s.adj(i) == s.adj(i - 1)) {
            return Long.compare(rawCents(s, i), rawCents(s, i - 1));
        }
        return Double.compare(tp[i], tp[i - 1]);
    }

    private static long rawCents(StockSeries s, int i) {
        return Math.round(s.high()[i] * 100) + Math.round(s.low()[i] * 100) + Math.round(s.close()[i] * 100);
    }
}
