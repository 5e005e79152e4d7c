package com.alphaquant.factor.engine;

/** Factors that need more than the stock's own bars: NORTH_FLOW_Z, RS20, LIMIT_NET20. */
final class MarketFactors {

    private MarketFactors() {
    }

    /** NORTH_FLOW_Z: the market's northbound-flow z-score on the stock's dates. */
    static void northFlowZ(StockWork w, double[] out) {
        w.market.northFlowZ(w.series.dates(), w.n, out);
    }

    /** RS20 = MOM20 − MOM20 of the benchmark index on the same date. */
    static void rs20(StockWork w, double[] out) {
        double[] mom = w.mom20();
        w.market.benchmarkMom20(w.series.dates(), w.n, out);
        for (int i = 0; i < w.n; i++) {
            out[i] = mom[i] - out[i];
        }
    }

    /** LIMIT_NET20 = over 20 bars, days closing at limit-up minus days closing at limit-down. */
    static void limitNet20(StockWork w, double[] out) {
        double[] closes = w.t1;
        w.market.limitCloses(w.series, closes);
        Windows.sum(closes, w.n, 20, out, w.lagged);
    }
}
