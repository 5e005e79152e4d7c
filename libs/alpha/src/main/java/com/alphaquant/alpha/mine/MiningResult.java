package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.evaluation.FormulaReport;
import com.alphaquant.alpha.evaluation.PoolFit;
import java.time.Duration;
import java.util.List;

/**
 * What a mining run found.
 *
 * @param evaluated candidates evaluated (at most the task's budget)
 * @param accepted  candidates the pool took, including those dropped later for better ones
 * @param pool      the final pool's combination: weights fitted on train, metrics on every split
 * @param formulas  each member's own figures on every split, in the pool's order (the pool
 *                  correlation is with the other members)
 */
public record MiningResult(String method, long seed, int evaluated, int accepted, PoolFit pool,
                           List<FormulaReport> formulas, Duration elapsed) {

    public MiningResult {
        formulas = List.copyOf(formulas);
    }
}
