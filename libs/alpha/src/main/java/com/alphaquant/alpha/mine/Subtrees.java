package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.expr.Call;
import com.alphaquant.alpha.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** A formula's nodes in pre-order (the root is node 0), and the formula with one of them replaced. */
final class Subtrees {

    private Subtrees() {
    }

    static List<Expr> nodes(Expr root) {
        List<Expr> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    /**
     * {@code root} with node {@code index} replaced by {@code with}; the calls above it are built
     * anew, so the type rules check them.
     *
     * @throws com.alphaquant.alpha.expr.FormulaException when a call above no longer applies
     */
    static Expr replace(Expr root, int index, Expr with) {
        return replace(root, new int[] {index}, with);
    }

    private static Expr replace(Expr e, int[] left, Expr with) {
        if (left[0] == 0) {
            left[0] = -1;
            return with;
        }
        left[0]--;
        if (!(e instanceof Call call)) {
            return e;
        }
        List<Expr> operands = new ArrayList<>(call.operands().size());
        boolean changed = false;
        for (Expr operand : call.operands()) {
            Expr replaced = left[0] < 0 ? operand : replace(operand, left, with);
            changed |= replaced != operand;
            operands.add(replaced);
        }
        return changed ? new Call(call.op(), operands, call.window()) : e;
    }

    private static void collect(Expr e, List<Expr> out) {
        out.add(e);
        if (e instanceof Call call) {
            for (Expr operand : call.operands()) {
                collect(operand, out);
            }
        }
    }
}
