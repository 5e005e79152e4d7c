package com.alphaquant.alpha.expr;

import java.util.List;

/**
 * The operators. Time-series operators ({@link Kind#ROLLING}, {@link Kind#PAIR_ROLLING}) run
 * over each stock's own bars with a window from {@link #WINDOWS}; cross-sectional ones over the
 * stocks that have a bar on each day. What each computes is documented in docs/alpha.md and in
 * the evaluator's kernels.
 */
public enum Op {
    ADD("Add", Kind.BINARY, true),
    SUB("Sub", Kind.BINARY, false),
    MUL("Mul", Kind.BINARY, true),
    DIV("Div", Kind.BINARY, false),
    GREATER("Greater", Kind.BINARY, true),
    LESS("Less", Kind.BINARY, true),
    ABS("Abs", Kind.UNARY, false),
    LOG("Log", Kind.UNARY, false),
    SIGN("Sign", Kind.UNARY, false),
    CS_RANK("CSRank", Kind.CROSS_SECTION, false),
    CS_ZSCORE("CSZScore", Kind.CROSS_SECTION, false),
    REF("Ref", Kind.ROLLING, false),
    DELTA("Delta", Kind.ROLLING, false),
    MEAN("Mean", Kind.ROLLING, false),
    STD("Std", Kind.ROLLING, false),
    VAR("Var", Kind.ROLLING, false),
    SKEW("Skew", Kind.ROLLING, false),
    KURT("Kurt", Kind.ROLLING, false),
    MAX("Max", Kind.ROLLING, false),
    MIN("Min", Kind.ROLLING, false),
    MED("Med", Kind.ROLLING, false),
    MAD("Mad", Kind.ROLLING, false),
    WMA("WMA", Kind.ROLLING, false),
    EMA("EMA", Kind.ROLLING, false),
    RANK("Rank", Kind.ROLLING, false),
    CORR("Corr", Kind.PAIR_ROLLING, true),
    COV("Cov", Kind.PAIR_ROLLING, true);

    /** The windows (bars) a time-series operator may take; for Ref and Delta, the lag. */
    public static final List<Integer> WINDOWS = List.of(5, 10, 20, 30, 40, 60);

    /** How an operator reads its operands. */
    public enum Kind {
        /** Element-wise, one operand. */
        UNARY(1, false),
        /** Element-wise, two operands. */
        BINARY(2, false),
        /** Across the stocks of each day, one operand. */
        CROSS_SECTION(1, false),
        /** Over a trailing window of each stock's bars, one operand. */
        ROLLING(1, true),
        /** Over a trailing window of each stock's bars, two operands. */
        PAIR_ROLLING(2, true);

        private final int operands;
        private final boolean window;

        Kind(int operands, boolean window) {
            this.operands = operands;
            this.window = window;
        }
    }

    private final String symbol;
    private final Kind kind;
    private final boolean commutative;

    Op(String symbol, Kind kind, boolean commutative) {
        this.symbol = symbol;
        this.kind = kind;
        this.commutative = commutative;
    }

    public String symbol() {
        return symbol;
    }

    public Kind kind() {
        return kind;
    }

    /** Operands, not counting the window. */
    public int operands() {
        return kind.operands;
    }

    public boolean hasWindow() {
        return kind.window;
    }

    public boolean commutative() {
        return commutative;
    }

    /** The operator called {@code symbol} ({@code Mean}), or null. */
    public static Op bySymbol(String symbol) {
        for (Op op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }

    /** This operator applied to {@code operands} (no window). */
    public Call of(Expr... operands) {
        return new Call(this, List.of(operands), 0);
    }

    /** This time-series operator over {@code window} bars of {@code operand}. */
    public Call of(Expr operand, int window) {
        return new Call(this, List.of(operand), window);
    }

    /** This two-operand time-series operator over {@code window} bars. */
    public Call of(Expr a, Expr b, int window) {
        return new Call(this, List.of(a, b), window);
    }
}
