package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.expr.Expr;

/**
 * A formula's figures on every split; the correlations with the built-ins and the pool are
 * measured on the training days, as in {@link Screen}.
 */
public record FormulaReport(Expr formula, SplitMetrics train, SplitMetrics valid, SplitMetrics test,
                            double maxBuiltinCorrelation, String closestBuiltin, double maxPoolCorrelation) {
}
