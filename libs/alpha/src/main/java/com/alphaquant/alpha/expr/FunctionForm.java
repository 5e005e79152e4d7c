package com.alphaquant.alpha.expr;

import com.alphaquant.factor.engine.FactorRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The function form, {@code Mean(Div(close, Ref(close, 5)), 20)}: what {@link Expr#toString()}
 * prints and {@link #parse} reads back. Names are case-sensitive: fields in lower case, the 24
 * factors as libs/factors names them, operators as {@link Op#symbol()}. A time-series operator's
 * last argument is its window, an integer. A number elsewhere is a constant ({@code 1} or
 * {@code 1.0}; it prints as {@code 1.0}).
 */
public final class FunctionForm {

    private final String text;
    private int pos;

    private FunctionForm(String text) {
        this.text = text;
    }

    /**
     * @throws FormulaException naming the position of a syntax error, or the node a rule refuses
     */
    public static Expr parse(String text) {
        FunctionForm parser = new FunctionForm(text);
        Expr e = parser.expr();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "' after a complete formula");
        }
        return e;
    }

    private Expr expr() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("a formula ends too early");
        }
        char c = text.charAt(pos);
        if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
            return Constant.of(number());
        }
        int start = pos;
        String name = name();
        Op op = Op.bySymbol(name);
        if (op != null) {
            return call(op);
        }
        Field field = Field.bySymbol(name);
        if (field != null) {
            return Feature.of(field);
        }
        if (FactorRegistry.names().contains(name)) {
            return FactorTerm.of(name);
        }
        pos = start;
        throw error("unknown name '" + name + "': expected a field "
                + Arrays.stream(Field.values()).map(Field::symbol).toList()
                + ", a factor " + FactorRegistry.names() + " or an operator");
    }

    private Call call(Op op) {
        expect('(', op.symbol());
        List<Expr> operands = new ArrayList<>();
        int window = 0;
        int arguments = op.operands() + (op.hasWindow() ? 1 : 0);
        for (int i = 0; i < arguments; i++) {
            if (i > 0) {
                expect(',', op.symbol() + " (it takes " + arguments + " arguments)");
            }
            if (op.hasWindow() && i == arguments - 1) {
                window = window(op);
            } else {
                operands.add(expr());
            }
        }
        expect(')', op.symbol() + " (it takes " + arguments + " arguments)");
        return new Call(op, operands, window);
    }

    private int window(Op op) {
        skipSpace();
        int start = pos;
        double w = number();
        String literal = text.substring(start, pos);
        if (!literal.matches("[-+]?\\d{1,7}")) {
            pos = start;
            throw error("the window of " + op.symbol() + " must be an integer, got " + literal);
        }
        return (int) w;
    }

    private double number() {
        skipSpace();
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number was expected");
        }
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw error("a name or a number was expected");
        }
        return text.substring(start, pos);
    }

    private void expect(char c, String after) {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("'" + c + "' expected in " + after);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private FormulaException error(String what) {
        return new FormulaException("At " + pos + " in '" + text + "': " + what);
    }
}
