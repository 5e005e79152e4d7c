package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.expr.Expr;
import java.util.List;

/**
 * A pool's linear combination: {@code weights[i]} multiplies formula i's daily standardised
 * values, fitted on the training days; the metrics are the combination's.
 */
public record PoolFit(List<Expr> formulas, double[] weights, SplitMetrics train, SplitMetrics valid, SplitMetrics test) {

    public PoolFit {
        formulas = List.copyOf(formulas);
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
