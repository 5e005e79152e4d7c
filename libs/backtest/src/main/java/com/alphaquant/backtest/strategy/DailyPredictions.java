package com.alphaquant.backtest.strategy;

import java.time.LocalDate;
import java.util.List;

/**
 * A model's predicted forward returns, the model sub-score of {@code multi_factor}
 * ({@link MultiFactorStrategy#withPredictions}). The decision after the close of day D reads the
 * predictions dated D: made from bars up to and including D, as model-service publishes them on
 * D's {@code factors.computed} and strategy-service scores D's signals with them.
 */
@FunctionalInterface
public interface DailyPredictions {

    /**
     * The predicted forward log returns of {@code tsCodes} as of the close of {@code day}, in
     * their order; NaN where the model has none (too short a history, a stock it does not know).
     * Called once per decision day, days increasing; it must not read any bar after {@code day}.
     *
     * @throws IllegalArgumentException or an unchecked exception of its own when the model
     *                                  cannot answer at all (the run fails with its message)
     */
    double[] forDay(LocalDate day, List<String> tsCodes);
}
