package com.alphaquant.backtest.job;

import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.strategy.DailyPredictions;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.IndexMembership;
import java.util.List;
import java.util.UUID;

/**
 * A request that passed every check: the spec the engine runs, the weights rows, and the
 * request with defaults filled in (what is stored and shown).
 */
public record ParsedRequest(BacktestRequest normalized, BacktestSpec spec, List<TargetWeightsStrategy.Row> weightRows) {

    /** A fresh target_weights strategy (strategies keep per-run state), or null for other strategies. */
    public TargetWeightsStrategy weights() {
        return weightRows == null ? null : TargetWeightsStrategy.of(weightRows);
    }

    /** A fresh strategy instance for one run over {@code panel} (multi_factor computes its factors over it). */
    public Strategy newStrategy(BarPanel panel) {
        return newStrategy(panel, null);
    }

    /** As {@link #newStrategy(BarPanel)}, over the point-in-time universe of {@code membership} when the request names one. */
    public Strategy newStrategy(BarPanel panel, IndexMembership membership) {
        return newStrategy(panel, membership, null);
    }

    /** As {@link #newStrategy(BarPanel, IndexMembership)}, scoring {@code predictions} when the request names a model. */
    public Strategy newStrategy(BarPanel panel, IndexMembership membership, DailyPredictions predictions) {
        return spec.newStrategy(this::weights, panel, null, membership, predictions);
    }

    /** The model-service id of the request's model, or null when it names none. */
    public UUID modelId() {
        return spec.model() == null ? null : RequestParser.modelId(spec.model());
    }
}
