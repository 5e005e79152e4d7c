package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.expr.Call;
import com.alphaquant.alpha.expr.Constant;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FormulaException;
import com.alphaquant.alpha.expr.FormulaGenerator;
import com.alphaquant.alpha.expr.Op;
import com.alphaquant.alpha.expr.Token;
import com.alphaquant.alpha.expr.Variation;
import com.alphaquant.alpha.expr.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The genetic operators, each giving only valid formulas: a change is made by rebuilding the
 * calls above it, which the type rules check ({@link Call}'s constructor), and a child that is
 * refused, too long or not varying across stocks is drawn again (a few times, then the parent
 * is varied another way). Draws come from one {@link Random}, so a seed fixes every child.
 */
final class Breeder {

    /** Draws per operator before giving up on it. */
    private static final int TRIES = 16;

    private final Vocabulary vocabulary;
    private final int maxTokens;
    private final Random random;
    private final List<Expr> leaves = new ArrayList<>();
    private final List<Expr> constants = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final List<Integer> windows = new ArrayList<>();

    Breeder(Vocabulary vocabulary, int maxTokens, Random random) {
        this.vocabulary = vocabulary;
        this.maxTokens = maxTokens;
        this.random = random;
        for (Token t : vocabulary.tokens()) {
            if (t instanceof Token.Leaf leaf) {
                (leaf.expr() instanceof Constant ? constants : leaves).add(leaf.expr());
            } else if (t instanceof Token.Operator o) {
                ops.add(o.op());
            } else if (t instanceof Token.Window w) {
                windows.add(w.bars());
            }
        }
    }

    /** A fresh formula of at most {@code tokens} tokens (a generator seeded from this breeder's draws). */
    Expr generate(int tokens) {
        return new FormulaGenerator(vocabulary, random.nextLong(), tokens).next();
    }

    /** Node of {@code a} replaced by a subtree of {@code b}; null when no draw gives a valid child. */
    Expr crossover(Expr a, Expr b) {
        List<Expr> donors = Subtrees.nodes(b);
        return atSomeNode(a, node -> donors.get(random.nextInt(donors.size())));
    }

    /** A random node replaced by a generated subtree that fits the length; null when none does. */
    Expr subtreeMutation(Expr a) {
        return atSomeNode(a, node -> {
            int room = maxTokens - (a.size() - node.size());
            return room >= 1 ? generate(room) : null;
        });
    }

    /**
     * One node changed in place: an operator to another of its kind, a window to another, a
     * field or factor to another of the same dimension, a constant to another; null when no draw
     * is valid.
     */
    Expr pointMutation(Expr a) {
        return atSomeNode(a, this::changed);
    }

    /** {@code a} with a random node replaced by what {@code replacement} gives for it (null: draw again). */
    private Expr atSomeNode(Expr a, UnaryOperator<Expr> replacement) {
        List<Expr> nodes = Subtrees.nodes(a);
        for (int t = 0; t < TRIES; t++) {
            int i = random.nextInt(nodes.size());
            Expr with = replacement.apply(nodes.get(i));
            if (with != null) {
                Expr child = valid(() -> Subtrees.replace(a, i, with));
                if (child != null) {
                    return child;
                }
            }
        }
        return null;
    }

    /** A subtree that varies across stocks, in place of the whole (shrinks bloated formulas); null when none. */
    Expr hoist(Expr a) {
        List<Expr> nodes = Subtrees.nodes(a);
        List<Expr> inner = new ArrayList<>();
        for (Expr e : nodes.subList(1, nodes.size())) {
            if (e.variation() == Variation.STOCK) {
                inner.add(e);
            }
        }
        return inner.isEmpty() ? null : inner.get(random.nextInt(inner.size()));
    }

    private Expr changed(Expr node) {
        if (node instanceof Constant) {
            return pick(constants);
        }
        if (!(node instanceof Call call)) {
            List<Expr> alike = new ArrayList<>();
            for (Expr leaf : leaves) {
                if (leaf.dim().equals(node.dim()) && !leaf.equals(node)) {
                    alike.add(leaf);
                }
            }
            return pick(alike);
        }
        if (call.op().hasWindow() && random.nextBoolean()) {
            Integer w = pick(windows);
            return w == null ? null : new Call(call.op(), call.operands(), w);
        }
        List<Op> kin = new ArrayList<>();
        for (Op op : ops) {
            if (op.kind() == call.op().kind() && op != call.op()) {
                kin.add(op);
            }
        }
        Op op = pick(kin);
        if (op == null) {
            return null;
        }
        try {
            return new Call(op, call.operands(), call.window());
        } catch (FormulaException e) {
            return null;
        }
    }

    private Expr valid(Supplier<Expr> build) {
        try {
            Expr child = build.get();
            return child.size() <= maxTokens && child.variation() == Variation.STOCK ? child : null;
        } catch (FormulaException e) {
            return null;
        }
    }

    private <T> T pick(List<T> from) {
        return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
    }
}
