package com.alphaquant.alpha.expr;

import com.alphaquant.factor.engine.FactorRegistry;

/**
 * One token of the RPN form, {@code close close 5 Ref Div 20 Mean}: operands come before their
 * operator, and a time-series operator's window immediately before it. In text:
 * <ul>
 *   <li>a field ({@code close}) or a factor ({@code MOM20}): pushes it;</li>
 *   <li>a constant, always written with a decimal point or an exponent ({@code 2.0},
 *       {@code -0.5}, {@code 1.0E-4}): pushes it;</li>
 *   <li>a window, an integer from {@link Op#WINDOWS} ({@code 20}): must be followed by a
 *       time-series operator, which takes it;</li>
 *   <li>an operator ({@code Mean}): pops its operands (and window), pushes the result;</li>
 *   <li>{@code END}: the formula is complete (what a policy writes to stop).</li>
 * </ul>
 */
public sealed interface Token {

    String text();

    /** A field, a factor or a constant. */
    record Leaf(Expr expr) implements Token {
        public Leaf {
            if (expr instanceof Call) {
                throw new FormulaException("A leaf token holds a field, a factor or a constant, not " + expr);
            }
        }

        @Override
        public String text() {
            return expr.toString();
        }
    }

    record Window(int bars) implements Token {
        public Window {
            if (!Op.WINDOWS.contains(bars)) {
                throw new FormulaException("Window " + bars + " is not one of " + Op.WINDOWS
                        + " (a constant is written with a decimal point: " + bars + ".0)");
            }
        }

        @Override
        public String text() {
            return Integer.toString(bars);
        }
    }

    record Operator(Op op) implements Token {
        @Override
        public String text() {
            return op.symbol();
        }
    }

    record End() implements Token {
        @Override
        public String text() {
            return "END";
        }
    }

    Token END = new End();

    /** The token written {@code text}. */
    static Token parse(String text) {
        if (text.equals("END")) {
            return END;
        }
        Op op = Op.bySymbol(text);
        if (op != null) {
            return new Operator(op);
        }
        Field field = Field.bySymbol(text);
        if (field != null) {
            return new Leaf(Feature.of(field));
        }
        if (FactorRegistry.names().contains(text)) {
            return new Leaf(FactorTerm.of(text));
        }
        if (text.matches("[-+]?\\d{1,7}")) {
            return new Window(Integer.parseInt(text));
        }
        if (text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return new Leaf(Constant.of(Double.parseDouble(text)));
        }
        throw new FormulaException("Unknown token '" + text + "': expected a field, a factor, a constant such as 2.0, "
                + "a window "
                + Op.WINDOWS + ", an operator or END");
    }
}
