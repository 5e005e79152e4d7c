package com.alphaquant.factor.engine;

import java.util.Arrays;

/**
 * The market-wide inputs of one engine run, prepared once and shared read-only by the workers:
 * the benchmark's MOM20 and the northbound-flow z-score, each on its own series' dates, and the
 * price-limit lookups of LIMIT_NET20.
 */
final class MarketContext {

    private static final int WINDOW = 20;

    private final MarketSeries benchmarkMom20;
    private final MarketSeries northFlowZ;
    private final LimitCloses limitCloses;

    MarketContext(PanelInput input) {
        benchmarkMom20 = input.benchmarkClose() == null ? null : benchmarkMom20(input.benchmarkClose());
        northFlowZ = input.northFlow() == null ? null : northFlowZ(input.northFlow());
        limitCloses = new LimitCloses(input);
    }

    void benchmarkMom20(int[] dates, int n, double[] out) {
        alignOrNaN(benchmarkMom20, dates, n, out);
    }

    void northFlowZ(int[] dates, int n, double[] out) {
        alignOrNaN(northFlowZ, dates, n, out);
    }

    void limitCloses(StockSeries s, double[] out) {
        limitCloses.fill(s, out);
    }

    /** MOM20 over the index's own bars. */
    static MarketSeries benchmarkMom20(MarketSeries closes) {
        double[] mom = new double[closes.size()];
        TrendFactors.momentum(closes.values(), closes.size(), WINDOW, mom);
        return new MarketSeries(closes.dates(), mom);
    }

    /**
     * (x − SMA20) / STD20 (sample std) over the flow's last 20 published values: the window
     * counts observations, as a stock's windows count its own bars, so a day without a value
     * neither has a z-score nor breaks the windows after it. 0 when the 20 values are equal
     * (x is then the mean, as BOLL_PCTB's 0.5 and CCI's 0 say for the same case).
     */
    static MarketSeries northFlowZ(MarketSeries flow) {
        int[] rows = new int[flow.size()];
        double[] x = new double[flow.size()];
        int m = 0;
        for (int i = 0; i < flow.size(); i++) {
            if (!Double.isNaN(flow.values()[i])) {
                rows[m] = i;
                x[m++] = flow.values()[i];
            }
        }
        double[] mean = new double[m];
        double[] ssd = new double[m];
        int[] runs = new int[m];
        double[] lagged = new double[m];
        Windows.mean(x, m, WINDOW, mean, lagged);
        Windows.sumSquaredDeviations(x, mean, m, WINDOW, ssd, lagged);
        Windows.equalRuns(x, m, runs);
        double[] z = new double[flow.size()];
        Arrays.fill(z, Double.NaN);
        for (int j = WINDOW - 1; j < m; j++) {
            z[rows[j]] = runs[j] >= WINDOW ? 0.0 : (x[j] - mean[j]) / Math.sqrt(ssd[j] / (WINDOW - 1));
        }
        return new MarketSeries(flow.dates(), z);
    }

    private static void alignOrNaN(MarketSeries series, int[] dates, int n, double[] out) {
        if (series == null) {
            Arrays.fill(out, 0, n, Double.NaN);
        } else {
            series.alignTo(dates, n, out);
        }
    }
}
