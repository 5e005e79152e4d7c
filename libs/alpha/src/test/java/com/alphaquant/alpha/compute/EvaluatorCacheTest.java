package com.alphaquant.alpha.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FormulaGenerator;
import com.alphaquant.alpha.expr.FunctionForm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorCacheTest {

    private static final AlphaPanel PANEL = Panels.mini();

    @Test
    void sharedSubtreesAreComputedOncePerRun() {
        Evaluator evaluator = new Evaluator(PANEL);
        evaluator.evaluate(FunctionForm.parse("Add(Mean(close, 5), Std(close, 5))")); // Mean, Std, Add
        assertThat(evaluator.nodesComputed()).isEqualTo(3);
        evaluator.evaluate(FunctionForm.parse("Div(Mean(close, 5), Std(close, 5))")); // Div only
        assertThat(evaluator.nodesComputed()).isEqualTo(4);
        assertThat(evaluator.cacheHits()).isEqualTo(2);
        evaluator.evaluate(FunctionForm.parse("Add(Std(close, 5), Mean(close, 5))")); // the same as the first, reordered
        assertThat(evaluator.nodesComputed()).isEqualTo(4);
        evaluator.clear();
        evaluator.evaluate(FunctionForm.parse("Mean(close, 5)"));
        assertThat(evaluator.nodesComputed()).isEqualTo(5);
    }

    @Test
    void aSmallCacheGivesTheSameValuesAsAFreshEvaluator() {
        FormulaGenerator generator = new FormulaGenerator(3, 15);
        List<Expr> formulas = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            formulas.add(generator.next());
        }
        Evaluator small = new Evaluator(PANEL, 3L * 8 * PANEL.rows()); // three nodes: constant eviction and reuse
        for (int round = 0; round < 2; round++) {
            for (Expr e : formulas) {
                double[] expected = new Evaluator(PANEL).evaluate(e);
                assertThat(small.evaluate(e)).as(e.toString()).containsExactly(expected);
                long hits = small.cacheHits();
                assertThat(small.evaluate(e)).as("again " + e).containsExactly(expected);
                if (e.size() > 1) {
                    assertThat(small.cacheHits()).as("the formula just evaluated is kept").isEqualTo(hits + 1);
                }
            }
        }
    }
}
