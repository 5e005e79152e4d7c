package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.evaluation.ScoringContext;
import java.util.Objects;

/**
 * What a miner is asked to do, the same for every method.
 *
 * @param context        the panel, splits and label candidates are scored on (only its
 *                       training days guide the search)
 * @param budget         the number of candidate formulas evaluated: a formula seen before is
 *                       not evaluated again and does not count
 * @param seed           fixes every random choice: the same task gives the same pool
 * @param maxCorrelation a candidate whose |correlation| with a built-in factor or a pool member
 *                       exceeds this is rejected
 * @param poolCapacity   the most formulas the pool holds
 * @param maxTokens      the longest formula, in RPN tokens
 */
public record MiningTask(ScoringContext context, int budget, long seed, double maxCorrelation, int poolCapacity,
                         int maxTokens) {

    public static final double DEFAULT_MAX_CORRELATION = 0.7;
    public static final int DEFAULT_POOL_CAPACITY = 10;
    public static final int DEFAULT_MAX_TOKENS = 15;

    public MiningTask {
        Objects.requireNonNull(context, "context");
        if (budget < 1) {
            throw new IllegalArgumentException("The budget must be at least 1 formula, got " + budget);
        }
        if (!(maxCorrelation > 0 && maxCorrelation <= 1)) {
            throw new IllegalArgumentException("maxCorrelation must be in (0, 1], got " + maxCorrelation);
        }
        if (poolCapacity < 1) {
            throw new IllegalArgumentException("The pool capacity must be at least 1, got " + poolCapacity);
        }
        if (maxTokens < 3 || maxTokens > 30) {
            throw new IllegalArgumentException("maxTokens must be between 3 and 30, got " + maxTokens);
        }
    }

    /** A task with the default correlation threshold (0.7), pool capacity (10) and length (15 tokens). */
    public static MiningTask of(ScoringContext context, int budget, long seed) {
        return new MiningTask(context, budget, seed, DEFAULT_MAX_CORRELATION, DEFAULT_POOL_CAPACITY, DEFAULT_MAX_TOKENS);
    }
}
