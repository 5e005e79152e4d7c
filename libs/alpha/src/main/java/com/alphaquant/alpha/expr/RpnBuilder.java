package com.alphaquant.alpha.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a formula token by token in RPN and says which tokens may come next (invalid-action
 * masking for a policy that writes formulas). A token is allowed when
 * <ol>
 *   <li>it fits the stack: an operator needs its operands there and must accept them
 *       ({@link TypeRules}: dimensions, signs, constancy); a window needs a non-constant
 *       operand on top and is followed by a time-series operator; END needs exactly one
 *       formula that varies across stocks; and</li>
 *   <li>the formula can still be completed within the length limit: {@link #tokensToFinish}
 *       is the fewest tokens that complete a stack, so a sequence the mask allows can always
 *       be completed, and only into a valid formula (a test checks the mask against a brute
 *       force search).</li>
 * </ol>
 * The length counts every token but END.
 */
public final class RpnBuilder {

    private final int maxTokens;
    private final List<Expr> stack = new ArrayList<>();
    private int pendingWindow;
    private int length;
    private boolean ended;

    /** @param maxTokens the most tokens a formula may have, END not counted */
    public RpnBuilder(int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
        this.maxTokens = maxTokens;
    }

    /** No length limit: for reading formulas rather than writing them. */
    public static RpnBuilder unbounded() {
        return new RpnBuilder(Integer.MAX_VALUE - 2);
    }

    /** An independent copy of this state (for search over continuations). */
    public RpnBuilder copy() {
        RpnBuilder c = new RpnBuilder(maxTokens);
        c.stack.addAll(stack);
        c.pendingWindow = pendingWindow;
        c.length = length;
        c.ended = ended;
        return c;
    }

    public int length() {
        return length;
    }

    public boolean ended() {
        return ended;
    }

    /** Whether {@code token} may come next. */
    public boolean allows(Token token) {
        return refusal(token) == null;
    }

    /** {@code mask[id]}: whether the token with that id in {@code vocabulary} may come next. */
    public boolean[] mask(Vocabulary vocabulary) {
        boolean[] mask = new boolean[vocabulary.size()];
        // Whether a leaf may come next depends only on its variation, a window only on being one
        Map<Object, Boolean> alike = new HashMap<>();
        for (int i = 0; i < mask.length; i++) {
            Token t = vocabulary.get(i);
            Object kind = t instanceof Token.Leaf leaf ? leaf.expr().variation()
                    : t instanceof Token.Window ? Token.Window.class : null;
            mask[i] = kind == null ? allows(t) : alike.computeIfAbsent(kind, k -> allows(t));
        }
        return mask;
    }

    /**
     * Appends {@code token}.
     *
     * @throws FormulaException saying why it may not come next
     */
    public void accept(Token token) {
        String refusal = refusal(token);
        if (refusal != null) {
            throw new FormulaException("'" + token.text() + "' cannot follow '" + String.join(" ", stackText()) + "': "
                    + refusal);
        }
        if (token instanceof Token.Leaf leaf) {
            stack.add(leaf.expr());
            length++;
        } else if (token instanceof Token.Window w) {
            pendingWindow = w.bars();
            length++;
        } else if (token instanceof Token.Operator o) {
            Op op = o.op();
            List<Expr> operands = new ArrayList<>(top(op.operands()));
            stack.subList(stack.size() - op.operands(), stack.size()).clear();
            stack.add(new Call(op, operands, pendingWindow));
            pendingWindow = 0;
            length++;
        } else {
            ended = true;
        }
    }

    /** The formula on the stack: exactly one, no window waiting for its operator. */
    public Expr result() {
        if (stack.size() != 1 || pendingWindow != 0) {
            throw new FormulaException("Incomplete RPN: the stack holds " + stackText()
                    + (pendingWindow != 0 ? " and window " + pendingWindow + " waits for its operator" : ""));
        }
        return stack.get(0);
    }

    /** Why {@code token} may not come next; null when it may. */
    private String refusal(Token token) {
        if (ended) {
            return "the formula has ended";
        }
        if (token instanceof Token.End) {
            if (pendingWindow != 0) {
                return "window " + pendingWindow + " waits for its operator";
            }
            if (stack.size() != 1) {
                return "END needs exactly one formula on the stack, there are " + stack.size();
            }
            return stack.get(0).variation() == Variation.STOCK ? null
                    : stack.get(0) + " does not vary across stocks";
        }
        if (token instanceof Token.Operator o) {
            return operatorRefusal(o.op());
        }
        if (pendingWindow != 0) {
            return "window " + pendingWindow + " must be followed by a time-series operator";
        }
        if (token instanceof Token.Window w) {
            int finish = tokensToFinishAfterWindow(w.bars());
            return finish < 0 ? "no time-series operator applies to the top of the stack" : fits(1, finish);
        }
        Variation pushed = ((Token.Leaf) token).expr().variation();
        return fits(1, tokensToFinish(variations(0, pushed)));
    }

    /**
     * The fewest tokens that complete the stack once {@code window} is written: its operator
     * (any the rules accept: Mean applies to any operand that is not a constant, Corr and Cov
     * also merge two entries), then {@link #tokensToFinish}. -1 when no operator applies.
     */
    private int tokensToFinishAfterWindow(int window) {
        int best = -1;
        for (Op op : Op.values()) {
            if (op.hasWindow() && stack.size() >= op.operands()) {
                Typing typing = TypeRules.check(op, top(op.operands()), window);
                if (typing.ok()) {
                    int finish = 1 + tokensToFinish(variations(op.operands(), typing.variation()));
                    best = best < 0 ? finish : Math.min(best, finish);
                }
            }
        }
        return best;
    }

    private String operatorRefusal(Op op) {
        if (op.hasWindow() && pendingWindow == 0) {
            return op.symbol() + " needs a window just before it";
        }
        if (!op.hasWindow() && pendingWindow != 0) {
            return "window " + pendingWindow + " must be followed by a time-series operator, not " + op.symbol();
        }
        if (stack.size() < op.operands()) {
            return op.symbol() + " needs " + op.operands() + " operands, the stack holds " + stack.size();
        }
        Typing typing = TypeRules.check(op, top(op.operands()), pendingWindow);
        if (!typing.ok()) {
            return typing.refusal();
        }
        return fits(1, tokensToFinish(variations(op.operands(), typing.variation())));
    }

    /** Null when {@code added} more tokens and then {@code toFinish} fit the length limit. */
    private String fits(int added, int toFinish) {
        return length + added + toFinish <= maxTokens ? null
                : "it leaves no room to complete the formula within " + maxTokens + " tokens";
    }

    /** The stack's variations after popping {@code popped} and pushing {@code pushed} (if not null). */
    private List<Variation> variations(int popped, Variation pushed) {
        List<Variation> v = new ArrayList<>(stack.size() + 1);
        for (int i = 0; i < stack.size() - popped; i++) {
            v.add(stack.get(i).variation());
        }
        if (pushed != null) {
            v.add(pushed);
        }
        return v;
    }

    /**
     * The fewest tokens that turn a stack (no window pending) into one formula varying across
     * stocks. Mul applies to any two operands but two constants ({@link TypeRules}) and varies
     * along whatever either operand varies along, so with k entries: k − 1 Muls when one entry
     * varies across stocks and the top two are not both constants (the first Mul then yields a
     * non-constant, and so do the rest); otherwise a field must be pushed first, and then k Muls,
     * k + 1 tokens. That is also the least: each token merges at most two entries into one
     * (Corr and Cov need a window token as well), a constant pair on top admits no operator, and
     * a stack without a stock-varying entry needs one pushed.
     */
    static int tokensToFinish(List<Variation> stack) {
        int k = stack.size();
        if (k == 0) {
            return 1;
        }
        boolean stockVarying = stack.contains(Variation.STOCK);
        boolean constantTop = stack.get(k - 1) == Variation.CONSTANT && (k == 1 || stack.get(k - 2) == Variation.CONSTANT);
        return stockVarying && !constantTop ? k - 1 : k + 1;
    }

    private List<Expr> top(int n) {
        return stack.subList(stack.size() - n, stack.size());
    }

    private List<String> stackText() {
        List<String> text = new ArrayList<>();
        for (Expr e : stack) {
            text.add(e.toString());
        }
        return text;
    }
}
