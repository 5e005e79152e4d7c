package com.alphaquant.alpha.expr;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules that decide whether an operator applies to its operands, and the type of the result
 * (docs/alpha.md has them as a table). In the order they are checked:
 * <ol>
 *   <li>shape: the operator's number of operands; a window from {@link Op#WINDOWS} exactly for
 *       time-series operators;</li>
 *   <li>constancy: no operator of a constant alone (fold it), no binary operator of two
 *       constants, no correlation or covariance with a constant, no cross-sectional operator of
 *       a market-wide series (its cross-section is constant);</li>
 *   <li>degenerate pairs: Sub, Div, Greater, Less, Corr and Cov refuse two operands that are the
 *       same formula (a constant, or the operand itself);</li>
 *   <li>dimensions: Add, Sub, Greater and Less need operands of one dimension (no price plus
 *       volume); Mul and Div multiply and divide them; Var squares; Cov multiplies; Std, Mad and
 *       the averages, extremes, Ref, Delta and Abs keep the dimension; ranks, z-scores, Corr,
 *       Skew, Kurt, Sign and Log are dimensionless;</li>
 *   <li>signs: Log needs an operand that cannot be negative (a price, volume, an absolute value,
 *       a standard deviation, a rank…); where it is 0 the value is missing.</li>
 * </ol>
 * Log of a quantity with a dimension is allowed: a unit only shifts the logarithm by a constant,
 * which no rank, correlation or difference of logs sees.
 */
final class TypeRules {

    private static final Set<Op> NO_SAME_OPERANDS = EnumSet.of(Op.SUB, Op.DIV, Op.GREATER, Op.LESS, Op.CORR, Op.COV);
    private static final Set<Op> SAME_DIM = EnumSet.of(Op.ADD, Op.SUB, Op.GREATER, Op.LESS);

    private TypeRules() {
    }

    static Typing check(Op op, List<Expr> operands, int window) {
        String shape = shape(op, operands, window);
        if (shape != null) {
            return Typing.refused(shape);
        }
        Expr a = operands.get(0);
        Expr b = operands.size() > 1 ? operands.get(1) : null;
        String constancy = constancy(op, a, b);
        if (constancy != null) {
            return Typing.refused(constancy);
        }
        if (b != null && NO_SAME_OPERANDS.contains(op) && a.key().equals(b.key())) {
            return Typing.refused("both operands are " + a + ", which makes it constant or the operand itself");
        }
        if (b != null && SAME_DIM.contains(op) && !a.dim().equals(b.dim())) {
            return Typing.refused(op.symbol() + " needs operands of one dimension, got " + a + " (" + a.dim() + ") and "
                    + b + " (" + b.dim() + ")");
        }
        if (op == Op.LOG && !a.signedness().nonNegative()) {
            return Typing.refused("Log needs an operand that cannot be negative, and " + a + " can be");
        }
        Variation variation = op.kind() == Op.Kind.CROSS_SECTION ? Variation.STOCK
                : b == null ? a.variation() : a.variation().with(b.variation());
        return Typing.of(dim(op, a, b), signedness(op, a, b), variation);
    }

    private static String shape(Op op, List<Expr> operands, int window) {
        if (operands.size() != op.operands()) {
            return op.symbol() + " takes " + op.operands() + (op.operands() == 1 ? " operand" : " operands") + ", got "
                    + operands.size();
        }
        if (op.hasWindow() && !Op.WINDOWS.contains(window)) {
            return "window " + window + " is not one of " + Op.WINDOWS;
        }
        if (!op.hasWindow() && window != 0) {
            return op.symbol() + " takes no window";
        }
        return null;
    }

    private static String constancy(Op op, Expr a, Expr b) {
        boolean aConstant = a.variation() == Variation.CONSTANT;
        boolean bConstant = b != null && b.variation() == Variation.CONSTANT;
        switch (op.kind()) {
            case BINARY:
                return aConstant && bConstant ? "both operands are constants: write its value instead" : null;
            case PAIR_ROLLING:
                return aConstant || bConstant ? (aConstant ? a : b) + " is a constant: " + op.symbol()
                        + " with a constant is undefined" : null;
            case CROSS_SECTION:
                if (a.variation() == Variation.MARKET) {
                    return a + " is the same for every stock: its cross-section is constant";
                }
                return aConstant ? "its operand " + a + " is a constant" : null;
            default:
                return aConstant ? "its operand " + a + " is a constant" : null;
        }
    }

    private static Dim dim(Op op, Expr a, Expr b) {
        switch (op) {
            case MUL:
            case COV:
                return a.dim().times(b.dim());
            case DIV:
                return a.dim().over(b.dim());
            case VAR:
                return a.dim().times(a.dim());
            case ADD: case SUB: case GREATER: case LESS: case ABS: case REF: case DELTA: case MEAN: case STD:
            case MAX: case MIN: case MED: case MAD: case WMA: case EMA:
                return a.dim();
            default:
                return Dim.NONE;
        }
    }

    private static Signedness signedness(Op op, Expr a, Expr b) {
        Signedness sa = a.signedness();
        switch (op) {
            case ADD:
                return sa.nonNegative() && b.signedness().nonNegative() ? sa.stronger(b.signedness()) : Signedness.ANY;
            case MUL:
            case DIV:
                return sa.nonNegative() && b.signedness().nonNegative() ? sa.weaker(b.signedness()) : Signedness.ANY;
            case GREATER:
                return sa.stronger(b.signedness());
            case LESS:
                return sa.weaker(b.signedness());
            case ABS:
                return sa == Signedness.POSITIVE ? sa : Signedness.NON_NEGATIVE;
            case REF: case MEAN: case MAX: case MIN: case MED: case WMA: case EMA:
                return sa;
            case STD: case VAR: case MAD:
                return Signedness.NON_NEGATIVE;
            case CS_RANK: case RANK:
                return Signedness.POSITIVE;
            default:
                return Signedness.ANY;
        }
    }
}
