package com.alphaquant.backtest.strategy;

import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.List;

/**
 * Strategy {@code buy_and_hold}: at the first close of the run, equal weights over the given
 * stocks (the whole universe when none are given), then hold; corporate actions keep the
 * holdings whole (SPEC section 2b). A stock that has no bar yet on that day (not listed) is
 * left out and the others share its weight; a stock suspended on the fill day simply does not
 * get bought (its order lapses, the cash stays).
 */
public final class BuyAndHoldStrategy implements Strategy {

    public static final String NAME = "buy_and_hold";

    private final List<TsCode> stocks;
    private LocalDate lastCall;

    public BuyAndHoldStrategy(List<TsCode> stocks) {
        this.stocks = List.copyOf(stocks);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean decide(MarketView view, TargetWeights target) {
        LocalDate today = view.date();
        boolean first = lastCall == null || !today.isAfter(lastCall);
        lastCall = today;
        if (!first) {
            return false;
        }
        int n = stocks.isEmpty() ? view.stockCount() : stocks.size();
        int[] chosen = new int[n];
        int count = 0;
        for (int k = 0; k < n; k++) {
            int stock = stocks.isEmpty() ? k : view.indexOf(stocks.get(k));
            if (stock < 0) {
                throw new IllegalArgumentException("buy_and_hold names " + stocks.get(k) + ", which is not in the backtest's universe");
            }
            if (view.history(stock).size() > 0) {
                chosen[count++] = stock;
            }
        }
        for (int k = 0; k < count; k++) {
            target.set(chosen[k], 1.0 / count);
        }
        return true;
    }
}
