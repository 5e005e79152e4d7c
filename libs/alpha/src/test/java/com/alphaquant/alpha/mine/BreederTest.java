package com.alphaquant.alpha.mine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FormulaGenerator;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.expr.Rpn;
import com.alphaquant.alpha.expr.Variation;
import com.alphaquant.alpha.expr.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BreederTest {

    private static final int MAX_TOKENS = 15;

    /** Children of generated parents, by every operator: each must be a formula the parser accepts as it is, within the length. */
    @Test
    void everyChildIsAValidFormulaWithinTheLength() {
        Breeder breeder = new Breeder(Vocabulary.standard(), MAX_TOKENS, new Random(3));
        FormulaGenerator generator = new FormulaGenerator(5, MAX_TOKENS);
        List<Expr> parents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            parents.add(generator.next());
        }
        List<Function<Integer, Expr>> operators = List.of(
                i -> breeder.crossover(parents.get(i), parents.get((i * 7 + 1) % parents.size())),
                i -> breeder.subtreeMutation(parents.get(i)),
                i -> breeder.pointMutation(parents.get(i)),
                i -> breeder.hoist(parents.get(i)));
        for (Function<Integer, Expr> operator : operators) {
            int made = 0;
            int changed = 0;
            for (int i = 0; i < parents.size(); i++) {
                Expr child = operator.apply(i);
                if (child == null) {
                    continue;
                }
                made++;
                changed += child.equals(parents.get(i)) ? 0 : 1;
                assertThat(child.size()).isLessThanOrEqualTo(MAX_TOKENS);
                assertThat(child.variation()).isEqualTo(Variation.STOCK);
                assertThat(FunctionForm.parse(child.toString())).isEqualTo(child);
                assertThat(Rpn.parse(Rpn.print(child))).isEqualTo(child);
            }
            // hoisting needs an inner subtree that varies across stocks, which a one-leaf parent lacks
            assertThat(made).as("children made").isGreaterThan(parents.size() / 2);
            assertThat(changed).as("children that differ from their parent").isGreaterThan(made * 3 / 4);
        }
    }

    @Test
    void subtreesAreReplacedInPreOrder() {
        Expr e = FunctionForm.parse("Div(Mean(close, 5), Ref(volume, 10))");
        assertThat(Subtrees.nodes(e)).extracting(Expr::toString).containsExactly("Div(Mean(close, 5), Ref(volume, 10))",
                "Mean(close, 5)", "close", "Ref(volume, 10)", "volume");
        assertThat(Subtrees.replace(e, 2, FunctionForm.parse("open")))
                .isEqualTo(FunctionForm.parse("Div(Mean(open, 5), Ref(volume, 10))"));
        assertThat(Subtrees.replace(e, 4, FunctionForm.parse("amount")))
                .isEqualTo(FunctionForm.parse("Div(Mean(close, 5), Ref(amount, 10))"));
        assertThat(Subtrees.replace(e, 0, FunctionForm.parse("low"))).isEqualTo(FunctionForm.parse("low"));
    }
}
