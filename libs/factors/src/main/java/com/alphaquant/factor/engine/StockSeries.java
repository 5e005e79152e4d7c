package com.alphaquant.factor.engine;

import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;

/**
 * One stock's bars as columns, in Tushare units: raw (unadjusted) prices, {@code vol} in lots of
 * 100 shares, {@code amount} in thousands of CNY. Rows are the stock's own bars (a suspended day
 * has no row), dates ({@code yyyymmdd}) strictly increasing.
 *
 * <p>The arrays are taken as they are, not copied, because a 5,000-stock panel is close to a
 * gigabyte; the engine only reads them and callers must not change them afterwards.
 *
 * @param listDate  the listing date, null when unknown (then the stock counts as seasoned)
 * @param adjFactor adj_factor_rel (qfq = raw × adjFactor); null, or NaN entries, mean 1
 * @param st        whether the stock was ST on each row (date-effective); null when never
 */
public record StockSeries(TsCode code, Board board, LocalDate listDate, int[] dates, double[] open, double[] high,
                          double[] low, double[] close, double[] preClose, double[] vol, double[] amount,
                          double[] adjFactor, boolean[] st) {

    public StockSeries {
        if (code == null || board == null || dates == null) {
            throw new IllegalArgumentException("A stock series needs a ts_code, a board and dates");
        }
        int n = dates.length;
        requireLength(code, "open", open, n);
        requireLength(code, "high", high, n);
        requireLength(code, "low", low, n);
        requireLength(code, "close", close, n);
        requireLength(code, "pre_close", preClose, n);
        requireLength(code, "vol", vol, n);
        requireLength(code, "amount", amount, n);
        if (adjFactor != null) {
            requireLength(code, "adj_factor", adjFactor, n);
        }
        if (st != null && st.length != n) {
            throw new IllegalArgumentException(code + ": st has " + st.length + " rows, dates " + n);
        }
        for (int i = 0; i < n; i++) {
            DateInts.requireValid(dates[i], code);
            if (i > 0 && dates[i] <= dates[i - 1]) {
                throw rowError(code, dates[i], "dates must increase strictly, the row before is " + dates[i - 1]);
            }
            if (!isPrice(open[i]) || !isPrice(high[i]) || !isPrice(low[i]) || !isPrice(close[i]) || !isPrice(preClose[i])) {
                throw rowError(code, dates[i], "prices must be positive, got open=" + open[i] + " high="
                        + high[i] + " low=" + low[i] + " close=" + close[i] + " pre_close=" + preClose[i]);
            }
            if (!(vol[i] >= 0 && vol[i] < Double.POSITIVE_INFINITY && amount[i] >= 0 && amount[i] < Double.POSITIVE_INFINITY)) {
                throw rowError(code, dates[i], "vol and amount must be >= 0, got " + vol[i] + ", " + amount[i]);
            }
            if (adjFactor != null && !Double.isNaN(adjFactor[i]) && !isPrice(adjFactor[i])) {
                throw rowError(code, dates[i], "adj_factor must be positive or NaN, got " + adjFactor[i]);
            }
        }
    }

    private static IllegalArgumentException rowError(TsCode code, int date, String message) {
        return new IllegalArgumentException(code + " " + date + ": " + message);
    }

    private static boolean isPrice(double x) {
        return x > 0 && x < Double.POSITIVE_INFINITY;
    }

    private static void requireLength(TsCode code, String field, double[] values, int n) {
        if (values == null || values.length != n) {
            throw new IllegalArgumentException(code + ": " + field + " has " + (values == null ? "no" : values.length)
                    + " rows, dates " + n);
        }
    }

    public int size() {
        return dates.length;
    }

    /** The qfq multiplier of row {@code i}: adj_factor_rel, 1 where unknown. */
    public double adj(int i) {
        if (adjFactor == null) {
            return 1.0;
        }
        double f = adjFactor[i];
        return Double.isNaN(f) ? 1.0 : f;
    }
}
