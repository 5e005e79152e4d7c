package com.alphaquant.backtest.engine;

import com.alphaquant.backtest.metrics.Metrics;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.market.rules.Prices;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The A-share daily backtest of SPEC section 2b. Each trading day t of the run:
 * <ol>
 *   <li>corporate actions: a held stock whose bar today is an ex-date has its shares scaled by
 *       f / f₋₁ (and so has a pending order's target);</li>
 *   <li>the orders decided at the close of the previous day fill at today's open (or close, or
 *       VWAP): sells first, then buys, the buys scaled down to the cash the sells left;</li>
 *   <li>the portfolio is marked at today's closes (a suspended stock at its last close);</li>
 *   <li>the strategy sees the market up to today's close and may set new target weights, which
 *       become orders for the next trading day. No decision is taken on the last day.</li>
 * </ol>
 *
 * <p>Where SPEC is silent (also in {@code libs/backtest/README.md}):
 * <ul>
 *   <li>Orders are sized at the decision: target shares = weight × equity at t's close / t's raw
 *       close; at the fill the order is the difference from the holding then.</li>
 *   <li>Limits are checked on the fill price including slippage: a buy that would have to pay the
 *       limit-up price or more does not fill, nor a sell at or below limit-down.</li>
 *   <li>Slippage per share = price × min(base + impact·sqrt(order / day volume), cap), the fill
 *       day's volume; the fill price is rounded half-up to 0.0001 CNY, value to the cent.</li>
 *   <li>Ex-dates are the bars whose raw pre_close differs from the stock's previous raw close by
 *       at least half a cent; the ratio is adj_factor / previous adj_factor (the previous close
 *       over pre_close when a factor is missing). Daily noise in a relative factor series with no
 *       pre_close change is ignored. New share counts are rounded to 0.0001 share.</li>
 *   <li>Partial sells round down to the board's lots; a sell to zero, or of more than is held,
 *       or one that would leave less than a share, sells the whole position with its odd lot and
 *       fraction. An order beyond the board's maximum order size (STAR 100,000) is cut to it
 *       and the rest rejected as lot_size.</li>
 *   <li>Buys are scaled by one common factor when their cost (with fees) exceeds the cash after
 *       sells, then filled in stock order, each cut further to the lots the remaining cash buys;
 *       what is cut is rejected as cash.</li>
 *   <li>With carry-over, an order stopped by a limit, a suspension or T+1 stays pending until it
 *       fills or the strategy decides again; lot_size and cash rejections always lapse.</li>
 *   <li>T+1 is enforced on every sell; with one fill time per day it never binds (sells fill
 *       before the day's buys), but the check keeps the engine honest if that changes.</li>
 *   <li>A stock with no further bars (delisted) stays valued at its last close.</li>
 *   <li>A target on a stock with no bar yet (not listed) cannot be sized: rejected as suspended
 *       with 0 shares on the fill day.</li>
 * </ul>
 *
 * <p>The day itself is {@link DayStepper}'s: this class steps it over the run's range, as a live
 * book steps it one closed day at a time.
 */
public final class BacktestEngine {

    /** Version of the execution model; a change that moves results bumps it. */
    public static final String VERSION = "1.0.0";

    private final BarPanel panel;
    private final BacktestConfig config;

    public BacktestEngine(BarPanel panel, BacktestConfig config) {
        this.panel = panel;
        this.config = config;
    }

    public BacktestResult run(Strategy strategy) {
        return run(strategy, ProgressListener.NONE);
    }

    public BacktestResult run(Strategy strategy, ProgressListener progress) {
        return execute(strategy, progress);
    }

    /** Resolves the run's day range on the panel; fails naming the data's range. */
    int[] dayRange() {
        LocalDate first = panel.firstDay();
        LocalDate last = panel.lastDay();
        String covers = "the data covers " + first + " to " + last;
        int d0 = panel.firstDayOnOrAfter(config.start());
        int d1 = panel.lastDayOnOrBefore(config.end());
        if (d0 > d1) {
            throw new IllegalArgumentException("No trading day with data between " + config.start() + " and "
                    + config.end() + ": " + covers);
        }
        if (config.start().isBefore(first) && tradingDaysBetween(config.start(), first.minusDays(1))) {
            throw new IllegalArgumentException("Start date " + config.start() + " is before the data's first day: " + covers);
        }
        if (config.end().isAfter(last) && tradingDaysBetween(last.plusDays(1), config.end())) {
            throw new IllegalArgumentException("End date " + config.end() + " is after the data's last day: " + covers);
        }
        if (d1 == d0) {
            throw new IllegalArgumentException("Between " + config.start() + " and " + config.end()
                    + " there is one trading day; a backtest needs at least two (" + covers + ")");
        }
        return new int[] {d0, d1};
    }

    private boolean tradingDaysBetween(LocalDate from, LocalDate to) {
        if (from.isBefore(panel.calendar.first()) || to.isAfter(panel.calendar.last())) {
            return true; // outside the calendar: cannot show there are none
        }
        return !panel.calendar.openDays(from, to).isEmpty();
    }

    /** Steps a fresh portfolio through every day of the range, deciding on each but the last. */
    private BacktestResult execute(Strategy strategy, ProgressListener progress) {
        int[] range = dayRange();
        int d0 = range[0];
        int d1 = range[1];
        int rows = d1 - d0 + 1;
        LocalDate[] dates = Arrays.copyOfRange(panel.days, d0, d1 + 1);
        long[] cashRows = new long[rows];
        long[] mvRows = new long[rows];
        double[] bench = benchmarkValues(d0, d1);
        DayStepper stepper = DayStepper.start(panel, config);
        for (int d = d0; d <= d1; d++) {
            DayResult day = stepper.step(d, d < d1 ? strategy : null);
            cashRows[d - d0] = day.cashCents();
            mvRows[d - d0] = day.marketValueCents();
            progress.onDay(d - d0 + 1, rows);
        }
        double[] equity = new double[rows];
        for (int i = 0; i < rows; i++) {
            equity[i] = (cashRows[i] + mvRows[i]) / 100.0;
        }
        Metrics metrics = Metrics.compute(equity, bench, stepper.tradedValue(), config.riskFreeRate());
        return new BacktestResult(strategy.name(), config, panel.benchmarkCode, panel.stockCount(), dates, cashRows, mvRows, bench,
                stepper.fills(), stepper.rejections(), metrics);
    }

    private double[] benchmarkValues(int d0, int d1) {
        int b = panel.benchmarkSeries();
        if (b < 0) {
            return null;
        }
        int[] days = panel.day[b];
        double[] closes = panel.close[b];
        double[] values = new double[d1 - d0 + 1];
        int row = -1;
        double base = Double.NaN;
        for (int d = d0; d <= d1; d++) {
            while (row + 1 < days.length && days[row + 1] <= d) {
                row++;
            }
            if (row < 0) {
                throw new IllegalArgumentException("Benchmark " + panel.benchmarkCode + " has no bar on or before "
                        + panel.days[d0] + ", the first day of the backtest"
                        + (days.length > 0 ? " (its bars start " + panel.days[days[0]] + ")" : ""));
            }
            if (d == d0) {
                base = closes[row];
            }
            values[d - d0] = Prices.roundHalfUpToCent(config.initialCapital() * closes[row] / base);
        }
        return values;
    }
}
