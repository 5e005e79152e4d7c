package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.evaluation.AlphaPool;
import com.alphaquant.alpha.evaluation.FormulaReport;
import com.alphaquant.alpha.evaluation.FormulaScorer;
import com.alphaquant.alpha.evaluation.PoolFit;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.expr.Constant;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FactorTerm;
import com.alphaquant.alpha.expr.Op;

/**
 * What a mined pool must beat, on the same days and label.
 *
 * @param bestBuiltin        the single built-in factor, signed as its training IC says, with the
 *                           best signed validation IC ({@code Mul(VOL20, -1.0)} when it is
 *                           VOL20 reversed): chosen without the test days, reported on all
 * @param builtinCombination the built-in factors combined linearly, weights fitted on the
 *                           training days as a mined pool's are
 */
public record Baselines(FormulaReport bestBuiltin, PoolFit builtinCombination) {

    public static Baselines of(ScoringContext context) {
        FormulaScorer scorer = new FormulaScorer(context);
        AlphaPool none = new AlphaPool(context);
        AlphaPool all = new AlphaPool(context);
        boolean hasValid = !context.splits().valid().isEmpty();
        FormulaReport best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (String name : context.builtinNames()) {
            Expr factor = FactorTerm.of(name);
            all.add(factor, scorer.values(factor));
            FormulaReport plain = scorer.report(factor, none);
            if (Double.isNaN(plain.train().ic())) {
                continue;
            }
            Expr signed = plain.train().ic() >= 0 ? factor : Op.MUL.of(factor, Constant.of(-1));
            FormulaReport report = signed == factor ? plain : scorer.report(signed, none);
            double score = hasValid ? report.valid().ic() : report.train().ic();
            if (score > bestScore) {
                best = report;
                bestScore = score;
            }
        }
        return new Baselines(best, all.fit());
    }
}
