package com.alphaquant.alpha.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Evaluator;
import com.alphaquant.alpha.compute.Panels;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FunctionForm;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AlphaPoolTest {

    private static final AlphaPanel PANEL = Panels.mini();
    private static final DaySplits SPLITS = DaySplits.of(PANEL, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 7, 1), 5);
    private static final ScoringContext CONTEXT = new ScoringContext(PANEL, SPLITS);
    private static final Expr A = FunctionForm.parse("Mean(returns, 20)");
    private static final Expr B = FunctionForm.parse("CSRank(Div(Sub(close, open), Sub(high, low)))");
    private static final Expr C = FunctionForm.parse("Corr(close, volume, 10)");

    private static double[] values(Expr e) {
        return new Evaluator(PANEL).evaluate(e).clone();
    }

    @Test
    void weightsSolveTheNormalEquationsOnTheTrainingDays() {
        AlphaPool pool = new AlphaPool(CONTEXT);
        pool.add(A, values(A));
        pool.add(B, values(B));
        double[] w = pool.fit().weights();
        // the 2 × 2 normal equations written out, missing values as 0, over training stock-days with a target
        double[] a = pool.member(0);
        double[] b = pool.member(1);
        double[] y = pool.target();
        double aa = 0;
        double ab = 0;
        double bb = 0;
        double ay = 0;
        double by = 0;
        for (int k = PANEL.dayStart(SPLITS.train().from()); k < PANEL.dayStart(SPLITS.train().to()); k++) {
            if (Double.isNaN(y[k])) {
                continue;
            }
            double u = Double.isNaN(a[k]) ? 0 : a[k];
            double v = Double.isNaN(b[k]) ? 0 : b[k];
            aa += u * u;
            ab += u * v;
            bb += v * v;
            ay += u * y[k];
            by += v * y[k];
        }
        double ridge = 1e-6 * (aa + bb) / 2;
        double det = (aa + ridge) * (bb + ridge) - ab * ab;
        assertThat(w[0]).isCloseTo(((bb + ridge) * ay - ab * by) / det, offset(1e-12));
        assertThat(w[1]).isCloseTo(((aa + ridge) * by - ab * ay) / det, offset(1e-12));
    }

    @Test
    void tryingACandidateGivesTheIcOfAddingIt() {
        AlphaPool pool = new AlphaPool(CONTEXT);
        assertThat(pool.trainIc()).isNaN();
        pool.add(A, values(A));
        double withB = pool.trainIcWith(values(B));
        assertThat(pool.size()).isEqualTo(1);
        pool.add(B, values(B));
        assertThat(pool.trainIc()).isCloseTo(withB, offset(1e-12));
        // the same IC through libs/factors' maths
        assertThat(pool.fit().train().ic()).isCloseTo(pool.trainIc(), offset(1e-9));
        pool.add(C, values(C));
        PoolFit fit = pool.fit();
        assertThat(fit.formulas()).containsExactly(A, B, C);
        assertThat(fit.weights()).hasSize(3);
        assertThat(fit.valid().days()).isPositive();
        assertThat(fit.test().days()).isPositive();
    }

    @Test
    void aFormulaAlreadyInThePoolCorrelatesFullyWithIt() {
        AlphaPool pool = new AlphaPool(CONTEXT);
        pool.add(B, values(B));
        FormulaScorer scorer = new FormulaScorer(CONTEXT);
        assertThat(scorer.screen(B, pool).maxPoolCorrelation()).isCloseTo(1, offset(1e-9));
        assertThat(scorer.screen(FunctionForm.parse("Mul(CSRank(Div(Sub(close, open), Sub(high, low))), -3.0)"), pool)
                .maxPoolCorrelation()).isCloseTo(1, offset(1e-9));
        assertThat(scorer.screen(A, pool).maxPoolCorrelation()).isLessThan(0.9);
    }

    @Test
    void aDuplicatedFormulaSharesItsWeightAndAddsNothing() {
        AlphaPool single = new AlphaPool(CONTEXT);
        single.add(A, values(A));
        AlphaPool doubled = new AlphaPool(CONTEXT);
        doubled.add(A, values(A));
        Expr scaled = FunctionForm.parse("Mul(Mean(returns, 20), 2.0)");
        doubled.add(scaled, values(scaled));
        double[] w = doubled.fit().weights();
        assertThat(w[0]).isCloseTo(w[1], offset(1e-9 * Math.abs(w[0])));
        assertThat(doubled.trainIc()).isCloseTo(single.trainIc(), offset(1e-9));
    }

    @Test
    void removingTheMemberJustAddedRestoresThePool() {
        AlphaPool pool = new AlphaPool(CONTEXT);
        pool.add(A, values(A));
        pool.add(B, values(B));
        double[] weights = pool.weights();
        double ic = pool.trainIc();
        pool.add(C, values(C));
        assertThat(pool.weights()).hasSize(3);
        pool.remove(2);
        assertThat(pool.formulas()).containsExactly(A, B);
        assertThat(pool.weights()).containsExactly(weights);
        assertThat(pool.trainIc()).isEqualTo(ic);
        assertThat(pool.fit().weights()).containsExactly(weights);
    }

    @Test
    void removingAMemberGivesThePoolOfTheOthers() {
        AlphaPool pool = new AlphaPool(CONTEXT);
        pool.add(A, values(A));
        pool.add(B, values(B));
        pool.add(C, values(C));
        double without = pool.trainIcWithout(1);
        assertThat(pool.size()).isEqualTo(3);
        pool.remove(1);
        AlphaPool others = new AlphaPool(CONTEXT);
        others.add(A, values(A));
        others.add(C, values(C));
        assertThat(pool.formulas()).containsExactly(A, C);
        assertThat(pool.trainIc()).isCloseTo(without, offset(1e-12)).isCloseTo(others.trainIc(), offset(1e-12));
        assertThat(pool.weights()).containsExactly(others.weights(), offset(1e-12));
        // B is gone from the correlations too
        assertThat(new FormulaScorer(CONTEXT).screen(B, pool).maxPoolCorrelation()).isLessThan(0.99);
    }
}
