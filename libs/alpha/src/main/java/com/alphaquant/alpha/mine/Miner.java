package com.alphaquant.alpha.mine;

/**
 * A way of searching for formulas (genetic programming, a policy that writes them): given a
 * task's context, budget and seed, it offers candidates to a {@link PoolCurator} and returns the
 * pool it grew. The same task gives the same result.
 */
public interface Miner {

    /** The name the CLI and the service select it by ({@code gp}, {@code rl}). */
    String method();

    MiningResult mine(MiningTask task, MiningProgress progress);
}
