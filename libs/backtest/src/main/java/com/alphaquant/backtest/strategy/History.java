package com.alphaquant.backtest.strategy;

import com.alphaquant.market.TsCode;
import java.time.LocalDate;

/**
 * One security's own bars up to the view's day, oldest first: index {@code size()-1} is the
 * latest bar, on the view's day unless the stock is suspended (a suspended day has no bar). Raw
 * prices in CNY, {@code vol} in lots of 100, {@code amount} in thousands of CNY (Tushare units).
 * Reading an index at or beyond {@link #size()} fails: there is no way to peek ahead.
 */
public interface History {

    TsCode code();

    /** The number of bars up to the view's day. */
    int size();

    LocalDate date(int i);

    double open(int i);

    double high(int i);

    double low(int i);

    double close(int i);

    double preClose(int i);

    double vol(int i);

    double amount(int i);

    /** Tushare adj_factor relative to its latest value in the data, NaN when unknown. */
    double adjFactor(int i);

    /** Whether the latest bar is on the view's day. */
    boolean tradedToday();

    /**
     * The point-in-time forward adjustment of bar {@code i}: {@code adjFactor(i) / adjFactor(latest)},
     * so the latest bar's qfq price is its raw price and nothing after the view's day leaks in
     * (qfq against the data's last factor would scale history by later corporate actions). Ratios
     * of qfq prices equal those of SPEC section 3's qfq; 1 when a factor is unknown.
     */
    default double qfqScale(int i) {
        double f = adjFactor(i);
        double last = adjFactor(size() - 1);
        return Double.isNaN(f) || Double.isNaN(last) ? 1.0 : f / last;
    }

    default double qfqOpen(int i) {
        return open(i) * qfqScale(i);
    }

    default double qfqHigh(int i) {
        return high(i) * qfqScale(i);
    }

    default double qfqLow(int i) {
        return low(i) * qfqScale(i);
    }

    default double qfqClose(int i) {
        return close(i) * qfqScale(i);
    }

    /** The latest close (raw), NaN when there is no bar yet. */
    default double lastClose() {
        return size() == 0 ? Double.NaN : close(size() - 1);
    }
}
