package com.alphaquant.alpha.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Printing and reading back, in both forms, on many generated formulas. */
class RoundTripTest {

    @Test
    void generatedFormulasSurviveBothForms() {
        Set<String> distinct = new HashSet<>();
        for (int maxTokens : new int[] {3, 8, 15, 40}) {
            FormulaGenerator generator = new FormulaGenerator(11 + maxTokens, maxTokens);
            for (int i = 0; i < 1_500; i++) {
                Expr e = generator.next();
                String text = e.toString();
                assertThat(FunctionForm.parse(text)).as(text).isEqualTo(e);
                assertThat(FunctionForm.parse(text).key()).isEqualTo(e.key());
                String rpn = Rpn.print(e);
                assertThat(Rpn.parse(rpn)).as(rpn).isEqualTo(e);
                List<Token> tokens = new ArrayList<>(Rpn.tokens(e));
                assertThat(tokens).hasSize(e.size());
                assertThat(e.size()).isLessThanOrEqualTo(maxTokens);
                tokens.add(Token.END);
                assertThat(Rpn.build(tokens)).isEqualTo(e);
                assertThat(e.variation()).isEqualTo(Variation.STOCK);
                distinct.add(text);
            }
        }
        assertThat(distinct).hasSizeGreaterThan(4_000);
    }

    @Test
    void theSameSeedGivesTheSameFormulas() {
        FormulaGenerator a = new FormulaGenerator(42, 15);
        FormulaGenerator b = new FormulaGenerator(42, 15);
        FormulaGenerator c = new FormulaGenerator(43, 15);
        List<Expr> fromA = new ArrayList<>();
        List<Expr> fromC = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Expr e = a.next();
            fromA.add(e);
            fromC.add(c.next());
            assertThat(b.next()).isEqualTo(e);
        }
        assertThat(fromC).isNotEqualTo(fromA);
    }

    @Test
    void generatedFormulasSpanTheOperatorsAndLengths() {
        FormulaGenerator generator = new FormulaGenerator(5, 15);
        Set<String> seen = new HashSet<>();
        int[] lengths = new int[16];
        for (int i = 0; i < 3_000; i++) {
            Expr e = generator.next();
            lengths[e.size()]++;
            for (Token t : Rpn.tokens(e)) {
                if (t instanceof Token.Operator o) {
                    seen.add(o.text());
                }
            }
        }
        assertThat(seen).hasSize(Op.values().length);
        assertThat(lengths[1]).isPositive();
        assertThat(lengths[15] + lengths[14] + lengths[13]).isPositive();
    }
}
