package com.alphaquant.backtest.engine;

import com.alphaquant.backtest.metrics.Metrics;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run: a row per trading day from the start (the first before any trade),
 * every fill, every rejected order, and the metrics. Cash and market value are exact cents;
 * equity = cash + market value. The benchmark column is the initial capital invested in the
 * index at the first row's close, rounded to the cent.
 */
public final class BacktestResult {

    private final String strategy;
    private final BacktestConfig config;
    private final TsCode benchmarkCode;
    private final int stockCount;
    private final LocalDate[] dates;
    private final long[] cashCents;
    private final long[] marketValueCents;
    private final double[] benchmark;
    private final List<Fill> fills;
    private final List<Rejection> rejections;
    private final Metrics metrics;

    BacktestResult(String strategy, BacktestConfig config, TsCode benchmarkCode, int stockCount, LocalDate[] dates,
                   long[] cashCents, long[] marketValueCents, double[] benchmark, List<Fill> fills,
                   List<Rejection> rejections, Metrics metrics) {
        this.strategy = strategy;
        this.config = config;
        this.benchmarkCode = benchmarkCode;
        this.stockCount = stockCount;
        this.dates = dates;
        this.cashCents = cashCents;
        this.marketValueCents = marketValueCents;
        this.benchmark = benchmark;
        this.fills = List.copyOf(fills);
        this.rejections = List.copyOf(rejections);
        this.metrics = metrics;
    }

    public String strategy() {
        return strategy;
    }

    public BacktestConfig config() {
        return config;
    }

    /** The benchmark index, or null when the run had none. */
    public TsCode benchmarkCode() {
        return benchmarkCode;
    }

    /** The number of stocks in the universe. */
    public int stockCount() {
        return stockCount;
    }

    /** The number of equity rows (trading days from start to end, both inclusive). */
    public int days() {
        return dates.length;
    }

    public LocalDate date(int i) {
        return dates[i];
    }

    public double cash(int i) {
        return cashCents[i] / 100.0;
    }

    public double marketValue(int i) {
        return marketValueCents[i] / 100.0;
    }

    public double equity(int i) {
        return (cashCents[i] + marketValueCents[i]) / 100.0;
    }

    /** The benchmark's value on day i, NaN without a benchmark. */
    public double benchmark(int i) {
        return benchmark == null ? Double.NaN : benchmark[i];
    }

    public boolean hasBenchmark() {
        return benchmark != null;
    }

    /** Every day's drawdown (peak − equity) / peak, peak the highest equity so far. */
    public double[] drawdowns() {
        double[] dd = new double[dates.length];
        long peak = Long.MIN_VALUE;
        for (int i = 0; i < dates.length; i++) {
            long e = cashCents[i] + marketValueCents[i];
            peak = Math.max(peak, e);
            dd[i] = (peak - e) / (double) peak;
        }
        return dd;
    }

    public double[] equitySeries() {
        double[] e = new double[dates.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = equity(i);
        }
        return e;
    }

    public List<Fill> fills() {
        return fills;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    public Map<RejectReason, Integer> rejectionCounts() {
        Map<RejectReason, Integer> counts = new EnumMap<>(RejectReason.class);
        for (Rejection r : rejections) {
            counts.merge(r.reason(), 1, Integer::sum);
        }
        return counts;
    }

    public Metrics metrics() {
        return metrics;
    }

    public double finalEquity() {
        return equity(dates.length - 1);
    }
}
