package com.alphaquant.alpha.expr;

/**
 * A formula: an immutable tree whose nodes are checked when they are built (dimensions, signs,
 * constancy; {@link TypeRules}), so that a tree that exists is meaningful and nothing that uses
 * it checks again.
 *
 * <p>Two formulas are equal when they print the same (the printed function form,
 * {@link #toString()}, is unambiguous: constants print in full). {@link #key()} is coarser: it
 * also equates formulas that differ only in the order of a commutative operator's operands,
 * {@code Add(a, b)} and {@code Add(b, a)}; the evaluator caches values under it.
 */
public abstract sealed class Expr permits Feature, FactorTerm, Constant, Call {

    private final Dim dim;
    private final Signedness signedness;
    private final Variation variation;
    private final int size;
    private final String text;
    private final String key;

    Expr(Dim dim, Signedness signedness, Variation variation, int size, String text, String key) {
        this.dim = dim;
        this.signedness = signedness;
        this.variation = variation;
        this.size = size;
        this.text = text;
        this.key = key;
    }

    public Dim dim() {
        return dim;
    }

    public Signedness signedness() {
        return signedness;
    }

    public Variation variation() {
        return variation;
    }

    /** The number of tokens of its RPN form (operands, windows and operators). */
    public int size() {
        return size;
    }

    /** The canonical form: the printed form with commutative operands in a fixed order. */
    public String key() {
        return key;
    }

    /** The function form, e.g. {@code Mean(Div(close, Ref(close, 5)), 20)}. */
    @Override
    public final String toString() {
        return text;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Expr e && text.equals(e.text);
    }

    @Override
    public final int hashCode() {
        return text.hashCode();
    }
}
