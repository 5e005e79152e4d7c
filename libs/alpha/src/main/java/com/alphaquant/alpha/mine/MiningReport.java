package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.evaluation.DayRange;
import com.alphaquant.alpha.evaluation.FormulaReport;
import com.alphaquant.alpha.evaluation.PoolFit;
import com.alphaquant.alpha.evaluation.SplitMetrics;
import com.alphaquant.alpha.expr.Rpn;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mining run as it is printed, written ({@code mine --out}) and stored: plain values only
 * (strings, numbers, lists; null where a figure is undefined), so that any JSON mapper writes
 * it the same way, with what reproduces it: method, seed, settings, data range and versions.
 *
 * @param formulas           the pool's members with their weights and own figures
 * @param pool               the members' combination (weights fitted on train) on every split
 * @param bestBuiltin        the best single built-in factor, signed, chosen on train and valid
 * @param builtinCombination the built-in factors combined as the pool is
 */
public record MiningReport(String method, long seed, int budget, int evaluated, int accepted, double elapsedSeconds,
                           Settings settings, Data data, Map<String, String> versions, List<Formula> formulas,
                           Splits pool, Baseline bestBuiltin, Splits builtinCombination) {

    public MiningReport {
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        formulas = List.copyOf(formulas);
    }

    public record Settings(double maxCorrelation, int poolCapacity, int maxTokens) {
    }

    /**
     * @param start      the first training day asked for; null: the first bar
     * @param end        the last bar read asked for; null: the last bar
     * @param horizon    the label's sessions
     * @param train      the training days actually scored (after warm-up gaps and the horizon gap)
     */
    public record Data(String start, String end, String validStart, String testStart, int horizon, int stocks, Span train,
                       Span valid, Span test) {
    }

    /** A split's first and last session (null when it is empty) and its number of sessions. */
    public record Span(String first, String last, int sessions) {
    }

    /** A formula in function form and RPN, its weight in the pool, its figures. */
    public record Formula(String formula, String rpn, int tokens, double weight, Splits metrics,
                          Double maxBuiltinCorrelation, String closestBuiltin, Double maxPoolCorrelation) {
    }

    public record Baseline(String formula, Splits metrics) {
    }

    public record Splits(Figures train, Figures valid, Figures test) {

        static Splits of(SplitMetrics train, SplitMetrics valid, SplitMetrics test) {
            return new Splits(Figures.of(train), Figures.of(valid), Figures.of(test));
        }
    }

    /** {@link SplitMetrics} with null for NaN (JSON has no NaN). */
    public record Figures(Double ic, Double rankIc, Double icir, Double rankIcir, Double turnover, Double coverage, int days) {

        static Figures of(SplitMetrics m) {
            return new Figures(value(m.ic()), value(m.rankIc()), value(m.icir()), value(m.rankIcir()), value(m.turnover()),
                    value(m.coverage()), m.days());
        }
    }

    static MiningReport of(MiningResult result, MiningTask task, MiningSetup setup, Baselines baselines) {
        PoolFit fit = result.pool();
        double[] weights = fit.weights();
        List<Formula> formulas = new ArrayList<>();
        for (int i = 0; i < result.formulas().size(); i++) {
            FormulaReport r = result.formulas().get(i);
            formulas.add(new Formula(r.formula().toString(), Rpn.print(r.formula()), r.formula().size(), weights[i],
                    Splits.of(r.train(), r.valid(), r.test()), value(r.maxBuiltinCorrelation()), r.closestBuiltin(),
                    value(r.maxPoolCorrelation())));
        }
        AlphaPanel panel = task.context().panel();
        var splits = task.context().splits();
        Data data = new Data(text(setup.start()), text(setup.end()), setup.validStart().toString(), setup.testStart().toString(),
                setup.horizon(), panel.stockCount(), span(panel, splits.train()), span(panel, splits.valid()),
                span(panel, splits.test()));
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("alpha", AlphaMining.VERSION);
        versions.put("factors", FactorEngine.VERSION);
        FormulaReport best = baselines.bestBuiltin();
        PoolFit combination = baselines.builtinCombination();
        return new MiningReport(result.method(), result.seed(), task.budget(), result.evaluated(), result.accepted(),
                result.elapsed().toMillis() / 1000.0, new Settings(task.maxCorrelation(), task.poolCapacity(), task.maxTokens()),
                data, versions, formulas, Splits.of(fit.train(), fit.valid(), fit.test()),
                best == null ? null : new Baseline(best.formula().toString(), Splits.of(best.train(), best.valid(), best.test())),
                Splits.of(combination.train(), combination.valid(), combination.test()));
    }

    private static Span span(AlphaPanel panel, DayRange days) {
        return days.isEmpty() ? new Span(null, null, 0)
                : new Span(DateInts.toLocalDate(panel.session(days.from())).toString(),
                        DateInts.toLocalDate(panel.session(days.to() - 1)).toString(), days.days());
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static Double value(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
