package com.alphaquant.alpha.mine;

/**
 * @param evaluated    candidates evaluated so far (out of {@code budget})
 * @param accepted     candidates the pool has taken so far (some may have been dropped since)
 * @param poolSize     the pool's members now
 * @param poolTrainIc  the pool's combined training IC now; NaN while empty
 * @param lastAccepted the last formula taken, in function form; null before the first
 */
public record MiningStatus(int evaluated, int budget, int accepted, int poolSize, double poolTrainIc,
                           String lastAccepted) {
}
