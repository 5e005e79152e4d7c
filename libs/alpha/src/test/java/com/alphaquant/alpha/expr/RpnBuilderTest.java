package com.alphaquant.alpha.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RpnBuilderTest {

    private static final Vocabulary STANDARD = Vocabulary.standard();

    @Test
    void randomWalksThroughTheMaskAlwaysEndInAValidFormulaWithinTheLimit() {
        Random random = new Random(99);
        for (int walk = 0; walk < 3_000; walk++) {
            int maxTokens = 1 + random.nextInt(20);
            RpnBuilder builder = new RpnBuilder(maxTokens);
            List<Token> written = new ArrayList<>();
            while (!builder.ended()) {
                boolean[] mask = builder.mask(STANDARD);
                List<Integer> allowed = new ArrayList<>();
                for (int id = 0; id < mask.length; id++) {
                    if (mask[id]) {
                        allowed.add(id);
                    }
                }
                assertThat(allowed).as("a dead end after %s", written).isNotEmpty();
                Token t = STANDARD.get(allowed.get(random.nextInt(allowed.size())));
                builder.accept(t);
                written.add(t);
            }
            Expr e = builder.result();
            assertThat(written.get(written.size() - 1)).isEqualTo(Token.END);
            assertThat(written).hasSize(e.size() + 1);
            assertThat(e.size()).isLessThanOrEqualTo(maxTokens);
            assertThat(e.variation()).isEqualTo(Variation.STOCK);
            assertThat(Rpn.tokens(e)).isEqualTo(written.subList(0, written.size() - 1));
            assertThat(FunctionForm.parse(e.toString())).isEqualTo(e);
        }
    }

    /**
     * On a small vocabulary, every prefix the mask allows, every token: the mask allows it exactly
     * when the rules accept it and some continuation, found by brute force, completes a formula
     * within the limit.
     */
    @Test
    void theMaskAllowsExactlyTheTokensThatCanStillBeCompleted() {
        Vocabulary small = new Vocabulary(List.of(leaf("close"), leaf("volume"), leaf("NORTH_FLOW_Z"), leaf("2.0"),
                new Token.Window(5), op(Op.ADD), op(Op.MUL), op(Op.DIV), op(Op.LOG), op(Op.CS_RANK), op(Op.MEAN),
                op(Op.CORR), Token.END));
        for (int maxTokens = 1; maxTokens <= 6; maxTokens++) {
            Map<String, Boolean> memo = new HashMap<>();
            int[] checked = {0};
            walk(small, new RpnBuilder(maxTokens), new ArrayList<>(), maxTokens, memo, checked);
            assertThat(checked[0]).isPositive();
        }
    }

    private void walk(Vocabulary v, RpnBuilder masked, List<Token> prefix, int maxTokens, Map<String, Boolean> memo,
                      int[] checked) {
        if (masked.ended()) {
            return;
        }
        boolean[] mask = masked.mask(v);
        for (int id = 0; id < v.size(); id++) {
            Token t = v.get(id);
            boolean possible = completable(v, replay(prefix, t), maxTokens - prefix.size() - (t instanceof Token.End ? 0 : 1),
                    memo);
            assertThat(mask[id]).as("%s then %s within %d", prefix, t.text(), maxTokens).isEqualTo(possible);
            checked[0]++;
            if (mask[id]) {
                RpnBuilder next = masked.copy();
                next.accept(t);
                List<Token> longer = new ArrayList<>(prefix);
                longer.add(t);
                walk(v, next, longer, maxTokens, memo, checked);
            }
        }
    }

    /** The prefix and t on a builder without a length limit; null when the rules refuse them. */
    private static RpnBuilder replay(List<Token> prefix, Token t) {
        RpnBuilder b = RpnBuilder.unbounded();
        for (Token p : prefix) {
            b.accept(p);
        }
        if (!b.allows(t)) {
            return null;
        }
        b.accept(t);
        return b;
    }

    /** Whether some tokens, at most {@code budget} of them, then END complete a formula (brute force). */
    private static boolean completable(Vocabulary v, RpnBuilder state, int budget, Map<String, Boolean> memo) {
        if (state == null || budget < 0) {
            return false;
        }
        if (state.ended()) {
            return true;
        }
        if (state.allows(Token.END)) {
            return true;
        }
        if (budget == 0) {
            return false;
        }
        String key = describe(state) + "|" + budget;
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        boolean found = false;
        for (Token t : v.tokens()) {
            if (!(t instanceof Token.End) && state.allows(t)) {
                RpnBuilder next = state.copy();
                next.accept(t);
                if (completable(v, next, budget - 1, memo)) {
                    found = true;
                    break;
                }
            }
        }
        memo.put(key, found);
        return found;
    }

    private static String describe(RpnBuilder b) {
        try {
            return b.result().key();
        } catch (FormulaException e) {
            return e.getMessage();
        }
    }

    @Test
    void refusalsSayWhy() {
        RpnBuilder b = new RpnBuilder(15);
        b.accept(leaf("close"));
        b.accept(leaf("volume"));
        assertThatThrownBy(() -> b.accept(op(Op.ADD))).isInstanceOf(FormulaException.class)
                .hasMessageContaining("one dimension");
        assertThatThrownBy(() -> b.accept(op(Op.MEAN))).hasMessageContaining("needs a window");
        assertThatThrownBy(() -> b.accept(Token.END)).hasMessageContaining("exactly one formula");
        b.accept(new Token.Window(20));
        assertThatThrownBy(() -> b.accept(leaf("open"))).hasMessageContaining("must be followed by a time-series operator");
        b.accept(op(Op.CORR));
        assertThat(b.allows(Token.END)).isTrue();
        assertThat(b.result()).hasToString("Corr(close, volume, 20)");
    }

    @Test
    void theLengthLimitLeavesRoomToFinish() {
        RpnBuilder b = new RpnBuilder(3);
        b.accept(leaf("close"));
        assertThat(b.allows(leaf("2.0"))).isTrue(); // close 2.0 Mul
        assertThat(b.allows(new Token.Window(5))).isTrue(); // close 5 Mean
        b.accept(leaf("2.0"));
        assertThat(b.allows(leaf("open"))).isFalse(); // close 2.0 open needs two more
        assertThat(b.allows(op(Op.MUL))).isTrue();
        assertThat(b.allows(op(Op.ADD))).isFalse(); // price + number
    }

    private static Token leaf(String text) {
        return Token.parse(text);
    }

    private static Token op(Op op) {
        return new Token.Operator(op);
    }
}
