package com.alphaquant.alpha.compute;

import com.alphaquant.alpha.expr.Op;

/**
 * Row-by-row operators. Missing stays missing, and anything that is not a finite number (a
 * division by 0, the log of 0, an overflow) becomes missing, so no infinity ever reaches an
 * operator or a score. Abs, Sign, Greater and Less cannot make one from finite values.
 */
final class Elementwise {

    private Elementwise() {
    }

    static void unary(Op op, double[] x, double[] out) {
        int n = out.length;
        switch (op) {
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.abs(x[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    out[i] = finite(Math.log(x[i]));
                }
            }
            case SIGN -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.signum(x[i]);
                }
            }
            default -> throw new IllegalArgumentException(op + " is not a row-by-row unary operator");
        }
    }

    static void binary(Op op, double[] a, double[] b, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = finite(a[i] + b[i]);
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[i] = finite(a[i] - b[i]);
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = finite(a[i] * b[i]);
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[i] = finite(a[i] / b[i]);
                }
            }
            case GREATER -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.max(a[i], b[i]);
                }
            }
            case LESS -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.min(a[i], b[i]);
                }
            }
            default -> throw new IllegalArgumentException(op + " is not a row-by-row binary operator");
        }
    }

    /** NaN for an infinity (x − x is 0 only for a finite x), without a branch. */
    private static double finite(double x) {
        return x - x == 0 ? x : Double.NaN;
    }
}
