package com.alphaquant.model.dataset;

import com.alphaquant.factor.engine.MarketSeries;
import java.util.Arrays;
import java.util.List;

/**
 * The market-sentiment vector of each day, in {@link #NAMES} order. Every value is computed from
 * that day and earlier days only, and brought to a scale near 1 by fixed constants rather than
 * statistics of the data set: nothing looks ahead, and a model applied on a later day needs no
 * statistics stored with it. Each is finally clipped to ±{@value #CLIP}; a missing value is 0.
 * <ol start="0">
 *   <li>{@code INDEX_RET}: ln(close / previous close) of the benchmark (000300.SH) over its own
 *       bars, / 0.015 (its typical daily std);</li>
 *   <li>{@code INDEX_VOL20}: sample std of its last 20 daily log returns · √252, as
 *       (vol − 0.20) / 0.10; 0 before 20 returns exist;</li>
 *   <li>{@code BREADTH}: the share of the data set's stocks with a bar that day that closed above
 *       pre_close, as (share − 0.5) / 0.25;</li>
 *   <li>{@code LIMIT_UP}: the share of those stocks closing at the limit-up price (libs/factors'
 *       LIMIT_NET20 flags: raw close, the rule book's band of that day), / 0.05. A share rather
 *       than the count, so that a model trained on 300 stocks reads a 5,000-stock day alike;</li>
 *   <li>{@code NORTH_FLOW_Z}: the northbound-flow z-score of libs/factors (the last 20 published
 *       values), 0 where none;</li>
 *   <li>{@code NORTH_FLOW_PRESENT}: 1 where that z-score exists, else 0, so that "no data"
 *       (after the 2024-08 disclosure change, or without a flow series) differs from an average
 *       day.</li>
 * </ol>
 */
final class MarketFeatures {

    static final List<String> NAMES =
            List.of("INDEX_RET", "INDEX_VOL20", "BREADTH", "LIMIT_UP", "NORTH_FLOW_Z", "NORTH_FLOW_PRESENT");
    static final int COUNT = NAMES.size();
    static final double CLIP = 5.0;

    private static final int VOL_WINDOW = 20;

    private MarketFeatures() {
    }

    /**
     * @param days      the day axis (yyyymmdd, increasing)
     * @param traded    stocks with a bar, per day
     * @param up        of those, closing above pre_close
     * @param limitUp   of those, closing at limit-up
     * @param northZ    the northbound z-score per day, NaN where none
     * @param benchmark the benchmark's closes, null when unknown
     * @return days × {@link #COUNT}
     */
    static float[] compute(int[] days, int[] traded, int[] up, int[] limitUp, double[] northZ, MarketSeries benchmark) {
        double[] indexRet = new double[days.length];
        double[] indexVol = new double[days.length];
        Arrays.fill(indexRet, Double.NaN);
        Arrays.fill(indexVol, Double.NaN);
        if (benchmark != null) {
            alignIndex(days, benchmark, indexRet, indexVol);
        }
        float[] out = new float[days.length * COUNT];
        for (int d = 0; d < days.length; d++) {
            int o = d * COUNT;
            out[o] = scaled(indexRet[d] / 0.015);
            out[o + 1] = scaled((indexVol[d] - 0.20) / 0.10);
            out[o + 2] = traded[d] == 0 ? 0f : scaled(((double) up[d] / traded[d] - 0.5) / 0.25);
            out[o + 3] = traded[d] == 0 ? 0f : scaled((double) limitUp[d] / traded[d] / 0.05);
            out[o + 4] = scaled(northZ[d]);
            out[o + 5] = Double.isNaN(northZ[d]) ? 0f : 1f;
        }
        return out;
    }

    /** The index's return and 20-day volatility over its own bars, on the days it has a bar. */
    private static void alignIndex(int[] days, MarketSeries benchmark, double[] indexRet, double[] indexVol) {
        int m = benchmark.size();
        double[] close = benchmark.values();
        double[] ret = new double[m];
        double[] vol = new double[m];
        Arrays.fill(ret, Double.NaN);
        Arrays.fill(vol, Double.NaN);
        for (int j = 1; j < m; j++) {
            ret[j] = Math.log(close[j] / close[j - 1]);
            if (j >= VOL_WINDOW) {
                vol[j] = sampleStd(ret, j - VOL_WINDOW + 1, j + 1) * Math.sqrt(252);
            }
        }
        for (int d = 0; d < days.length; d++) {
            int j = Arrays.binarySearch(benchmark.dates(), days[d]);
            if (j >= 0) {
                indexRet[d] = ret[j];
                indexVol[d] = vol[j];
            }
        }
    }

    private static double sampleStd(double[] x, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= to - from;
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        return Math.sqrt(ss / (to - from - 1));
    }

    private static float scaled(double x) {
        return Double.isNaN(x) ? 0f : (float) Math.max(-CLIP, Math.min(CLIP, x));
    }
}
