package com.alphaquant.alpha.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid formulas from a seed, written token by token through {@link RpnBuilder}'s mask:
 * each step picks a kind of token (operand, constant, window, operator) by weight among the
 * kinds the mask allows, then a token of that kind uniformly, and stops, where END is allowed,
 * with a probability that grows with the length (0.1 plus 0.9 × length / limit). The same seed
 * gives the same formulas: for tests, and for a genetic miner's initial population and subtree
 * mutations.
 */
public final class FormulaGenerator {

    /**
     * Operand, constant, window, operator. A window commits to one of the 16 time-series
     * operators, so windows weigh about 16/11 of the other operators' weight: each of the 27
     * operators then comes about equally often.
     */
    private static final double[] KIND_WEIGHTS = {2.0, 0.5, 2.5, 1.7};

    private final Vocabulary vocabulary;
    private final int maxTokens;
    private final Random random;

    public FormulaGenerator(long seed, int maxTokens) {
        this(Vocabulary.standard(), seed, maxTokens);
    }

    public FormulaGenerator(Vocabulary vocabulary, long seed, int maxTokens) {
        this.vocabulary = vocabulary;
        this.maxTokens = maxTokens;
        this.random = new Random(seed);
    }

    /** A formula of at most {@code maxTokens} tokens that varies across stocks. */
    public Expr next() {
        RpnBuilder builder = new RpnBuilder(maxTokens);
        while (true) {
            boolean[] mask = builder.mask(vocabulary);
            List<List<Integer>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            boolean end = false;
            for (int id = 0; id < mask.length; id++) {
                if (mask[id]) {
                    int kind = kind(vocabulary.get(id));
                    if (kind < 0) {
                        end = true;
                    } else {
                        byKind.get(kind).add(id);
                    }
                }
            }
            int kind = pickKind(byKind);
            if (end && (kind < 0 || random.nextDouble() < 0.1 + 0.9 * builder.length() / maxTokens)) {
                return builder.result();
            }
            List<Integer> ids = byKind.get(kind);
            builder.accept(vocabulary.get(ids.get(random.nextInt(ids.size()))));
        }
    }

    private int pickKind(List<List<Integer>> byKind) {
        double total = 0;
        for (int k = 0; k < KIND_WEIGHTS.length; k++) {
            total += byKind.get(k).isEmpty() ? 0 : KIND_WEIGHTS[k];
        }
        if (total == 0) {
            return -1;
        }
        double r = random.nextDouble() * total;
        int last = -1;
        for (int k = 0; k < KIND_WEIGHTS.length; k++) {
            if (!byKind.get(k).isEmpty()) {
                last = k;
                r -= KIND_WEIGHTS[k];
                if (r < 0) {
                    return k;
                }
            }
        }
        return last;
    }

    private static int kind(Token t) {
        if (t instanceof Token.Leaf leaf) {
            return leaf.expr() instanceof Constant ? 1 : 0;
        }
        if (t instanceof Token.Window) {
            return 2;
        }
        return t instanceof Token.Operator ? 3 : -1;
    }
}
