package com.alphaquant.alpha.expr;

import java.util.ArrayList;
import java.util.List;

/** The RPN token form of formulas ({@link Token}): {@code close close 5 Ref Div 20 Mean}. */
public final class Rpn {

    private Rpn() {
    }

    /** The tokens of {@code e}, operands first (END not included). */
    public static List<Token> tokens(Expr e) {
        List<Token> out = new ArrayList<>(e.size());
        append(e, out);
        return out;
    }

    public static String print(Expr e) {
        List<String> text = new ArrayList<>();
        for (Token t : tokens(e)) {
            text.add(t.text());
        }
        return String.join(" ", text);
    }

    /**
     * Reads tokens separated by white space; a trailing END is allowed.
     *
     * @throws FormulaException naming the token that does not fit, and its position
     */
    public static Expr parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new FormulaException("An empty RPN formula");
        }
        List<Token> tokens = new ArrayList<>();
        for (String part : trimmed.split("\\s+")) {
            tokens.add(Token.parse(part));
        }
        return build(tokens);
    }

    /** The formula the tokens write; a trailing END is allowed. */
    public static Expr build(List<Token> tokens) {
        RpnBuilder builder = RpnBuilder.unbounded();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t instanceof Token.End && i == tokens.size() - 1) {
                break;
            }
            try {
                builder.accept(t);
            } catch (FormulaException e) {
                throw new FormulaException("Token " + (i + 1) + ": " + e.getMessage());
            }
        }
        return builder.result();
    }

    private static void append(Expr e, List<Token> out) {
        if (e instanceof Call c) {
            for (Expr operand : c.operands()) {
                append(operand, out);
            }
            if (c.window() > 0) {
                out.add(new Token.Window(c.window()));
            }
            out.add(new Token.Operator(c.op()));
        } else {
            out.add(new Token.Leaf(e));
        }
    }
}
