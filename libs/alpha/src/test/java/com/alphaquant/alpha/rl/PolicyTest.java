package com.alphaquant.alpha.rl;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.expr.Rpn;
import com.alphaquant.alpha.expr.RpnBuilder;
import com.alphaquant.alpha.expr.Token;
import com.alphaquant.alpha.expr.Variation;
import com.alphaquant.alpha.expr.Vocabulary;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static final Vocabulary VOCABULARY = Vocabulary.standard();
    private static final PolicyConfig SMALL_BATCHES = PolicyConfig.defaults().withBatchSize(16);

    /**
     * An untrained policy puts weight on every token, so its samples reach all corners the mask
     * leaves open; every one must be a formula that parses and type-checks, within the limit.
     */
    @Test
    void theMaskLetsAnUntrainedPolicyWriteOnlyValidFormulasWithinTheLimit() {
        Set<String> distinct = new HashSet<>();
        for (int maxTokens : new int[] {1, 3, 8, 15}) {
            try (Policy policy = new Policy(VOCABULARY, maxTokens, SMALL_BATCHES, maxTokens)) {
                for (Episode e : policy.sample(maxTokens == 15 ? 600 : 150)) {
                    Expr f = e.formula();
                    distinct.add(f.toString());
                    assertThat(f.size()).as(f.toString()).isLessThanOrEqualTo(maxTokens);
                    assertThat(f.variation()).as(f.toString()).isEqualTo(Variation.STOCK);
                    assertThat(FunctionForm.parse(f.toString())).isEqualTo(f);
                    assertThat(Rpn.parse(Rpn.print(f))).isEqualTo(f);
                    // the actions are the formula's tokens and END, each allowed by the mask it was drawn under
                    assertThat(e.length()).isEqualTo(f.size() + 1);
                    assertThat(VOCABULARY.get(e.actions()[e.length() - 1])).isEqualTo(Token.END);
                    RpnBuilder replay = new RpnBuilder(maxTokens);
                    for (int t = 0; t < e.length(); t++) {
                        assertThat(e.allowed()[t]).isEqualTo(replay.mask(VOCABULARY));
                        assertThat(e.allowed()[t][e.actions()[t]]).isTrue();
                        replay.accept(VOCABULARY.get(e.actions()[t]));
                    }
                    assertThat(replay.result()).isEqualTo(f);
                }
            }
        }
        // a policy that wrote the same few formulas would not have tested the mask much
        assertThat(distinct).hasSizeGreaterThan(700);
    }

    @Test
    void theSameSeedWritesTheSameFormulasBeforeAndAfterAnUpdate() {
        List<String> first = run(7);
        assertThat(run(7)).isEqualTo(first);
        assertThat(run(8)).isNotEqualTo(first);
    }

    /** Every forward pass and update keeps its arrays in the batch's scope: the model holds only its parameters. */
    @Test
    void batchesLeaveNoNativeArraysBehind() {
        try (Policy policy = new Policy(VOCABULARY, 10, SMALL_BATCHES, 3)) {
            int parameters = policy.liveArrays();
            for (int round = 0; round < 3; round++) {
                List<Episode> batch = policy.sample(16);
                policy.update(batch, batch.stream().mapToDouble(e -> e.length() % 3 - 1.0).toArray());
            }
            assertThat(policy.liveArrays()).isEqualTo(parameters);
        }
    }

    /** Samples a batch, rewards formulas by their length, updates, samples again. */
    private static List<String> run(long seed) {
        try (Policy policy = new Policy(VOCABULARY, 10, SMALL_BATCHES, seed)) {
            List<Episode> batch = policy.sample(16);
            double[] advantages = batch.stream().mapToDouble(e -> e.length() - 6.0).toArray();
            Policy.Step step = policy.update(batch, advantages);
            assertThat(step.loss()).isFinite();
            assertThat(step.entropy()).isPositive();
            assertThat(step.gradientNorm()).isPositive();
            List<Episode> after = policy.sample(16);
            return java.util.stream.Stream.concat(batch.stream(), after.stream())
                    .map(e -> e.formula() + " " + Arrays.toString(e.actions())).toList();
        }
    }
}
