package com.alphaquant.backtest.strategy;

import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;

/**
 * What a strategy may know after the close of {@link #date()}: every stock's bars up to that day
 * (never later), the benchmark index, the exchange calendar and its own portfolio. Stocks are
 * numbered {@code 0 … stockCount()-1}; the number is stable for a run and cheaper than a code.
 */
public interface MarketView {

    /** The day whose close the decision follows. */
    LocalDate date();

    TradingCalendar calendar();

    /** The number of tradable stocks in the universe. */
    int stockCount();

    TsCode code(int stock);

    /** The number of {@code code}, or -1 when it is not in the universe. */
    int indexOf(TsCode code);

    /** The bars of {@code stock} up to and including {@link #date()}. */
    History history(int stock);

    default History history(TsCode code) {
        int stock = indexOf(code);
        if (stock < 0) {
            throw new IllegalArgumentException(code + " is not in the backtest's universe");
        }
        return history(stock);
    }

    /** The benchmark index's bars up to {@link #date()}, or null when the run has no benchmark. */
    History benchmark();

    PortfolioView portfolio();
}
