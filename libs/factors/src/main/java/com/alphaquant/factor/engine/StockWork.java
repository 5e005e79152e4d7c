package com.alphaquant.factor.engine;

/**
 * One worker's buffers for the stock being computed: its qfq prices, the intermediate series
 * several factors share (computed once per stock, on first use) and scratch arrays for the
 * kernels. Sized once for the panel's longest stock and reused for every stock the worker
 * takes, so a panel run allocates per worker, never per value.
 */
public final class StockWork {

    private static final int RET = 1;
    private static final int TYPICAL_PRICE = 1 << 1;
    private static final int SMA20_CLOSE = 1 << 2;
    private static final int BOLL_STD = 1 << 3;
    private static final int CLOSE_RUNS = 1 << 4;
    private static final int MACD_DIF = 1 << 5;
    private static final int MOM20 = 1 << 6;

    final MarketContext market;
    StockSeries series;
    int n;
    /** Forward-adjusted (qfq) prices: raw × adj_factor_rel. */
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    /** Kernel scratch: free for any kernel, never kept across kernels. */
    final double[] t1;
    final double[] t2;
    final double[] t3;
    final double[] t4;
    final int[] runs;
    /** {@link Windows}' scratch, used within one call only. */
    final double[] lagged;

    private final double[] ret;
    private final double[] typicalPrice;
    private final double[] sma20Close;
    private final double[] bollStd;
    private final int[] closeRuns;
    private final double[] macdDif;
    private final double[] ema26;
    private final double[] mom20;
    private int ready;
    private double[][] outputs;

    StockWork(int capacity, MarketContext market) {
        this.market = market;
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
        t1 = new double[capacity];
        t2 = new double[capacity];
        t3 = new double[capacity];
        t4 = new double[capacity];
        runs = new int[capacity];
        lagged = new double[capacity];
        ret = new double[capacity];
        typicalPrice = new double[capacity];
        sma20Close = new double[capacity];
        bollStd = new double[capacity];
        closeRuns = new int[capacity];
        macdDif = new double[capacity];
        ema26 = new double[capacity];
        mom20 = new double[capacity];
    }

    /** Makes {@code s} the current stock: its qfq prices, and no intermediate computed yet. */
    void load(StockSeries s) {
        series = s;
        n = s.size();
        ready = 0;
        for (int i = 0; i < n; i++) {
            double f = s.adj(i);
            open[i] = s.open()[i] * f;
            high[i] = s.high()[i] * f;
            low[i] = s.low()[i] * f;
            close[i] = s.close()[i] * f;
        }
    }

    /** The number of rows of the current stock. */
    public int size() {
        return n;
    }

    /** Output buffers for streaming ({@link FactorSink}), reused from stock to stock. */
    double[][] outputs(int factors) {
        if (outputs == null || outputs.length != factors) {
            outputs = new double[factors][close.length];
        }
        return outputs;
    }

    /** ln(c / c₋₁) of qfq closes; NaN on the first row. */
    double[] ret() {
        if ((ready & RET) == 0) {
            if (n > 0) {
                ret[0] = Double.NaN;
            }
            for (int i = 1; i < n; i++) {
                ret[i] = Math.log(close[i] / close[i - 1]);
            }
            ready |= RET;
        }
        return ret;
    }

    /** TP = (h + l + c) / 3 of qfq prices. */
    double[] typicalPrice() {
        if ((ready & TYPICAL_PRICE) == 0) {
            for (int i = 0; i < n; i++) {
                typicalPrice[i] = (high[i] + low[i] + close[i]) / 3;
            }
            ready |= TYPICAL_PRICE;
        }
        return typicalPrice;
    }

    double[] sma20Close() {
        if ((ready & SMA20_CLOSE) == 0) {
            Windows.mean(close, n, 20, sma20Close, lagged);
            ready |= SMA20_CLOSE;
        }
        return sma20Close;
    }

    /** Bollinger's population std of the last 20 closes around SMA20(c). */
    double[] bollStd() {
        if ((ready & BOLL_STD) == 0) {
            Windows.sumSquaredDeviations(close, sma20Close(), n, 20, bollStd, lagged);
            for (int i = 19; i < n; i++) {
                bollStd[i] = Math.sqrt(bollStd[i] / 20);
            }
            ready |= BOLL_STD;
        }
        return bollStd;
    }

    /** Runs of equal closes ({@link Windows#equalRuns}): a window of w closes is flat iff runs ≥ w. */
    int[] closeRuns() {
        if ((ready & CLOSE_RUNS) == 0) {
            Windows.equalRuns(close, n, closeRuns);
            ready |= CLOSE_RUNS;
        }
        return closeRuns;
    }

    /** DIF = EMA12(c) − EMA26(c), not yet divided by c; first value on row 25. */
    double[] macdDif() {
        if ((ready & MACD_DIF) == 0) {
            Smoothing.ema(close, n, 0, 12, macdDif);
            Smoothing.ema(close, n, 0, 26, ema26);
            for (int i = 0; i < n; i++) {
                macdDif[i] -= ema26[i];
            }
            ready |= MACD_DIF;
        }
        return macdDif;
    }

    /** c / c₋₂₀ − 1 of qfq closes. */
    double[] mom20() {
        if ((ready & MOM20) == 0) {
            TrendFactors.momentum(close, n, 20, mom20);
            ready |= MOM20;
        }
        return mom20;
    }
}
