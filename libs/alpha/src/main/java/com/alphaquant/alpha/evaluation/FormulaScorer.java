package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Evaluator;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.Variation;
import com.alphaquant.factor.evaluation.Summary;
import java.util.List;

/**
 * Evaluates formulas and scores them against the forward return: {@link #screen} on the
 * training days (IC, ICIR, coverage, correlation with the built-ins and the pool), the quick
 * check a miner runs on every candidate; {@link #report} on every split, with rank IC and
 * turnover. Correlations with other signals are means over days of the cross-sectional
 * correlation, the way signals that are traded cross-sectionally overlap.
 *
 * <p>Not thread-safe (it owns an {@link Evaluator}); make one per thread over a shared
 * {@link ScoringContext}.
 */
public final class FormulaScorer {

    private final ScoringContext context;
    private final Evaluator evaluator;

    public FormulaScorer(ScoringContext context) {
        this(context, new Evaluator(context.panel()));
    }

    public FormulaScorer(ScoringContext context, Evaluator evaluator) {
        if (evaluator.panel() != context.panel()) {
            throw new IllegalArgumentException("The evaluator must work on the scoring context's panel");
        }
        this.context = context;
        this.evaluator = evaluator;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /** The quick check on the training days; {@code pool} may be empty. */
    public Screen screen(Expr formula, AlphaPool pool) {
        AlphaPanel panel = context.panel();
        DayRange train = context.splits().train();
        double[] byDay = panel.byDay(values(formula));
        DailyZ z = DailyZ.of(panel, byDay, train);
        Summary ic = Summary.of(DailyCorrelation.daily(panel, z, context.labelZ(), train));
        Closest builtin = closestBuiltin(z, train);
        return new Screen(formula, ic.mean(), ic.ir(), Metrics.coverage(panel, byDay, train), builtin.correlation,
                builtin.name, pool.maxCorrelation(z, train));
    }

    /** The figures on every split. */
    public FormulaReport report(Expr formula, AlphaPool pool) {
        AlphaPanel panel = context.panel();
        DaySplits splits = context.splits();
        double[] byDay = panel.byDay(values(formula));
        DailyZ z = DailyZ.of(panel, byDay, splits.train());
        Closest builtin = closestBuiltin(z, splits.train());
        return new FormulaReport(formula, Metrics.of(context, byDay, splits.train()),
                Metrics.of(context, byDay, splits.valid()), Metrics.of(context, byDay, splits.test()), builtin.correlation,
                builtin.name, pool.maxCorrelation(z, splits.train()));
    }

    /** The formula's values by row (the evaluator's array: valid until its next call). */
    public double[] values(Expr formula) {
        if (formula.variation() != Variation.STOCK) {
            throw new IllegalArgumentException(formula + " does not vary across stocks: it cannot be scored");
        }
        return evaluator.evaluate(formula);
    }

    private record Closest(String name, double correlation) {
    }

    private Closest closestBuiltin(DailyZ z, DayRange days) {
        List<String> names = context.builtinNames();
        String closest = null;
        double max = Double.NaN;
        for (int b = 0; b < names.size(); b++) {
            double r = Math.abs(DailyCorrelation.mean(context.panel(), z, context.builtins().get(b), days));
            if (closest == null || r > max || Double.isNaN(max)) {
                closest = names.get(b);
                max = r;
            }
        }
        return new Closest(closest, max);
    }
}
