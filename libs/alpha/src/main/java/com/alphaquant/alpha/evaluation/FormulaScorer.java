package com.alphaquant.alpha.evaluation;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Evaluator;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.Variation;
import com.alphaquant.factor.evaluation.Summary;
import java.util.ArrayList;
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
        return screen(List.of(formula), pool).get(0);
    }

    /**
     * {@link #screen(Expr, AlphaPool)} of each formula, faster for a batch (a miner's population):
     * the built-ins are read once for the whole batch. Each formula's standardised values are
     * held until the batch is done (about 3 MB per formula on the 300-stock sample).
     */
    public List<Screen> screen(List<Expr> formulas, AlphaPool pool) {
        AlphaPanel panel = context.panel();
        DayRange train = context.splits().train();
        List<DailyZ> scores = new ArrayList<>(formulas.size());
        double[] coverage = new double[formulas.size()];
        for (int i = 0; i < formulas.size(); i++) {
            double[] byDay = panel.byDay(values(formulas.get(i)));
            scores.add(DailyZ.of(panel, byDay, train));
            coverage[i] = Metrics.coverage(panel, byDay, train);
        }
        double[][] builtins = DailyCorrelation.means(panel, scores, context.builtins(), train);
        double[][] members = DailyCorrelation.means(panel, scores, pool.members(), train);
        List<Screen> out = new ArrayList<>(formulas.size());
        for (int i = 0; i < formulas.size(); i++) {
            Summary ic = Summary.of(DailyCorrelation.daily(panel, scores.get(i), context.labelZ(), train));
            Closest builtin = closestBuiltin(builtins[i]);
            out.add(new Screen(formulas.get(i), ic.mean(), ic.ir(), coverage[i], builtin.correlation, builtin.name,
                    poolCorrelation(members[i])));
        }
        return out;
    }

    /** The figures on every split. */
    public FormulaReport report(Expr formula, AlphaPool pool) {
        AlphaPanel panel = context.panel();
        DaySplits splits = context.splits();
        double[] byDay = panel.byDay(values(formula));
        List<DailyZ> z = List.of(DailyZ.of(panel, byDay, splits.train()));
        Closest builtin = closestBuiltin(DailyCorrelation.means(panel, z, context.builtins(), splits.train())[0]);
        double members = poolCorrelation(DailyCorrelation.means(panel, z, pool.members(), splits.train())[0]);
        return new FormulaReport(formula, Metrics.of(context, byDay, splits.train()),
                Metrics.of(context, byDay, splits.valid()), Metrics.of(context, byDay, splits.test()), builtin.correlation,
                builtin.name, members);
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

    /** The built-in whose mean daily correlation ({@code means[b]}) is largest in size; none when all are NaN. */
    private Closest closestBuiltin(double[] means) {
        int b = largest(means);
        return b < 0 ? new Closest(null, Double.NaN) : new Closest(context.builtinNames().get(b), Math.abs(means[b]));
    }

    /** The largest |mean daily correlation| with a pool member; 0 for an empty pool. */
    private static double poolCorrelation(double[] means) {
        int m = largest(means);
        return m < 0 ? 0 : Math.abs(means[m]);
    }

    /** The index of the largest |value|, NaN left out; -1 when there is none. */
    private static int largest(double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && (best < 0 || Math.abs(values[i]) > Math.abs(values[best]))) {
                best = i;
            }
        }
        return best;
    }
}
