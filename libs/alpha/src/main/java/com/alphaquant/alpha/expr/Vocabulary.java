package com.alphaquant.alpha.expr;

import com.alphaquant.factor.engine.FactorRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens a policy chooses from, each with a fixed index (its action id): the fields, the
 * factors, a few constants, the windows, the operators and END.
 */
public final class Vocabulary {

    /** The standard constants (those of AlphaGen, Yu et al. 2023, without the extremes ±30). */
    public static final List<Double> CONSTANTS = List.of(-10.0, -5.0, -2.0, -1.0, -0.5, -0.01, 0.01, 0.5, 1.0, 2.0, 5.0,
            10.0);

    private final List<Token> tokens;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @throws IllegalArgumentException when a token repeats, or when Mul, a field that varies
     *                                  across stocks or END is missing: {@link RpnBuilder}'s
     *                                  promise that every allowed sequence can be completed rests
     *                                  on them
     */
    public Vocabulary(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            if (index.put(this.tokens.get(i).text(), i) != null) {
                throw new IllegalArgumentException("Token " + this.tokens.get(i).text() + " appears twice");
            }
        }
        boolean stockLeaf = this.tokens.stream().anyMatch(t -> t instanceof Token.Leaf leaf
                && leaf.expr().variation() == Variation.STOCK);
        if (!index.containsKey(Op.MUL.symbol()) || !stockLeaf || !index.containsKey(Token.END.text())) {
            throw new IllegalArgumentException(
                    "A vocabulary needs Mul, a field or factor that varies across stocks, and END");
        }
    }

    /** Every field, every factor, {@link #CONSTANTS}, every window, every operator, END. */
    public static Vocabulary standard() {
        List<Token> tokens = new ArrayList<>();
        for (Field f : Field.values()) {
            tokens.add(new Token.Leaf(Feature.of(f)));
        }
        for (String name : FactorRegistry.names()) {
            tokens.add(new Token.Leaf(FactorTerm.of(name)));
        }
        for (double c : CONSTANTS) {
            tokens.add(new Token.Leaf(Constant.of(c)));
        }
        for (int w : Op.WINDOWS) {
            tokens.add(new Token.Window(w));
        }
        for (Op op : Op.values()) {
            tokens.add(new Token.Operator(op));
        }
        tokens.add(Token.END);
        return new Vocabulary(tokens);
    }

    public int size() {
        return tokens.size();
    }

    public Token get(int id) {
        return tokens.get(id);
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** The id of {@code token}; -1 when it is not in this vocabulary. */
    public int indexOf(Token token) {
        Integer i = index.get(token.text());
        return i == null ? -1 : i;
    }
}
