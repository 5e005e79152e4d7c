package com.alphaquant.strategy.book;

import com.alphaquant.backtest.strategy.MarketView;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeights;
import com.alphaquant.market.TsCode;
import java.util.Map;

/**
 * The day's stored decision as a backtest strategy: the target weights the live strategy decided
 * at the close (what libs/backtest's multi_factor sets from the same decision), every day.
 */
final class FollowTargets implements Strategy {

    private final Map<String, Double> targets;

    FollowTargets(Map<String, Double> targets) {
        this.targets = targets;
    }

    @Override
    public boolean decide(MarketView view, TargetWeights target) {
        targets.forEach((code, weight) -> target.set(view.indexOf(TsCode.of(code)), weight));
        return true;
    }
}
