package com.alphaquant.alpha.expr;

/**
 * A number, dimensionless. Zero is refused: every use of it is degenerate (x + 0, x · 0, x / 0),
 * and leaving it out keeps {@code Mul} applicable to any operand, which the RPN masking relies on.
 */
public final class Constant extends Expr {

    private final double value;

    private Constant(double value, String text) {
        super(Dim.NONE, value > 0 ? Signedness.POSITIVE : Signedness.ANY, Variation.CONSTANT, 1, text, text);
        this.value = value;
    }

    public static Constant of(double value) {
        if (!Double.isFinite(value) || value == 0) {
            throw new FormulaException("A constant must be a finite number other than 0, got " + value);
        }
        // Double.toString always writes a '.' or an exponent, which tells a constant from a window in RPN
        return new Constant(value, Double.toString(value));
    }

    public double value() {
        return value;
    }
}
