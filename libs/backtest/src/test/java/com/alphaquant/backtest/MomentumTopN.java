package com.alphaquant.backtest;

import com.alphaquant.backtest.strategy.History;
import com.alphaquant.backtest.strategy.MarketView;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeights;
import java.util.Arrays;

/**
 * A factor-style strategy written only against the plug-in interface, as {@code multi_factor}
 * will be: every {@code every} days, rank the stocks that traded today by their qfq return over
 * {@code lookback} bars and hold the top {@code n} with equal weights.
 */
public final class MomentumTopN implements Strategy {

    private final int lookback;
    private final int n;
    private final int every;
    private int calls;

    public MomentumTopN(int lookback, int n, int every) {
        this.lookback = lookback;
        this.n = n;
        this.every = every;
    }

    @Override
    public String name() {
        return "momentum_top_n";
    }

    @Override
    public boolean decide(MarketView view, TargetWeights target) {
        if (calls++ % every != 0) {
            return false;
        }
        double[] score = new double[view.stockCount()];
        Integer[] order = new Integer[view.stockCount()];
        int candidates = 0;
        for (int s = 0; s < view.stockCount(); s++) {
            History h = view.history(s);
            int last = h.size() - 1;
            if (h.tradedToday() && last >= lookback) {
                score[s] = h.qfqClose(last) / h.qfqClose(last - lookback) - 1;
                order[candidates++] = s;
            }
        }
        Integer[] ranked = Arrays.copyOf(order, candidates);
        Arrays.sort(ranked, (x, y) -> Double.compare(score[y], score[x]));
        int take = Math.min(n, ranked.length);
        for (int k = 0; k < take; k++) {
            target.set(ranked[k], 0.98 / take);
        }
        return true;
    }
}
