package com.alphaquant.alpha.expr;

import java.util.ArrayList;
import java.util.List;

/** An operator applied to operands, with a window for time-series operators (0 otherwise). */
public final class Call extends Expr {

    private final Op op;
    private final List<Expr> operands;
    private final int window;

    /**
     * @throws FormulaException naming this node when the operator does not apply (wrong operand
     *                          count or window, unlike dimensions, a constant operand, …)
     */
    public Call(Op op, List<Expr> operands, int window) {
        this(op, List.copyOf(operands), window, TypeRules.check(op, operands, window));
    }

    private Call(Op op, List<Expr> operands, int window, Typing typing) {
        super(typing.dim(), typing.signedness(), typing.variation(), size(operands, window),
                print(op, operands, window, false), print(op, operands, window, true));
        if (!typing.ok()) {
            throw new FormulaException(print(op, operands, window, false) + ": " + typing.refusal());
        }
        this.op = op;
        this.operands = operands;
        this.window = window;
    }

    public Op op() {
        return op;
    }

    public List<Expr> operands() {
        return operands;
    }

    public Expr operand(int i) {
        return operands.get(i);
    }

    /** The window in bars (the lag for Ref and Delta); 0 for operators without one. */
    public int window() {
        return window;
    }

    private static int size(List<Expr> operands, int window) {
        int size = window > 0 ? 2 : 1;
        for (Expr e : operands) {
            size += e.size();
        }
        return size;
    }

    private static String print(Op op, List<Expr> operands, int window, boolean canonical) {
        List<String> parts = new ArrayList<>(operands.size());
        for (Expr e : operands) {
            parts.add(canonical ? e.key() : e.toString());
        }
        if (canonical && op.commutative()) {
            parts.sort(null);
        }
        StringBuilder s = new StringBuilder(op.symbol()).append('(').append(String.join(", ", parts));
        if (window > 0) {
            s.append(", ").append(window);
        }
        return s.append(')').toString();
    }
}
