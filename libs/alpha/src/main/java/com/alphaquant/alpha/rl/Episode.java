package com.alphaquant.alpha.rl;

import com.alphaquant.alpha.expr.Expr;

/**
 * One formula the policy wrote: its token ids in order (END last) and, for every step, which
 * tokens the mask allowed there, so that the update scores the choice among the same tokens.
 */
record Episode(int[] actions, boolean[][] allowed, Expr formula) {

    int length() {
        return actions.length;
    }
}
