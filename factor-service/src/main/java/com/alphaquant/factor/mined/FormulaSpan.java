package com.alphaquant.factor.mined;

import com.alphaquant.alpha.expr.Call;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FactorTerm;
import com.alphaquant.alpha.expr.Feature;
import com.alphaquant.alpha.expr.Field;
import com.alphaquant.alpha.expr.Op;
import com.alphaquant.factor.engine.FactorRegistry;

/**
 * How many of a stock's bars one value of a formula spans, the current bar included, as the
 * catalog gives it for the built-ins (MOM20: 21): a field 1 ({@code returns} 2), a factor its
 * registry window, a rolling operator of window w adds w − 1 to its operand's span (Ref and
 * Delta, a lag of w, add w), element-wise and cross-sectional operators the largest of their
 * operands'. EMA counts its window, though it keeps a fading memory of every earlier bar.
 */
public final class FormulaSpan {

    private FormulaSpan() {
    }

    public static int of(Expr e) {
        if (e instanceof Feature f) {
            return f.field() == Field.RETURNS ? 2 : 1;
        }
        if (e instanceof FactorTerm f) {
            return FactorRegistry.get(f.name()).window();
        }
        if (!(e instanceof Call call)) {
            return 1; // a constant
        }
        int span = 1;
        for (Expr operand : call.operands()) {
            span = Math.max(span, of(operand));
        }
        return switch (call.op().kind()) {
            case ROLLING, PAIR_ROLLING -> span + call.window() - (call.op() == Op.REF || call.op() == Op.DELTA ? 0 : 1);
            default -> span;
        };
    }

    /** Whether a value depends on other stocks' (CSRank, CSZScore): then it is computed over the whole market. */
    public static boolean crossSectional(Expr e) {
        if (!(e instanceof Call call)) {
            return false;
        }
        return call.op().kind() == Op.Kind.CROSS_SECTION || call.operands().stream().anyMatch(FormulaSpan::crossSectional);
    }
}
