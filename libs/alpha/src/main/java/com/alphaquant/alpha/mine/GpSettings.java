package com.alphaquant.alpha.mine;

/**
 * The genetic search's own knobs (the budget, seed, threshold and length are the task's).
 *
 * @param populationSize   individuals per generation
 * @param tournamentSize   individuals drawn per selection; the fittest is the parent
 * @param elites           the fittest carried unchanged into the next generation
 * @param crossoverRate    the share of children made by subtree crossover
 * @param subtreeRate      … by replacing a random subtree with a freshly generated one
 * @param pointRate        … by changing one node (another operator of its kind, window, field
 *                         of its dimension, constant); the rest by hoisting a subtree
 * @param immigrantRate    the share of each generation drawn afresh from the generator instead
 *                         of bred: new material once the population has converged on a few
 *                         formulas and their near-copies
 * @param parsimony        fitness lost per RPN token, against bloat
 * @param gainWeight       fitness per unit of pool IC gain, on top of |IC|
 */
public record GpSettings(int populationSize, int tournamentSize, int elites, double crossoverRate, double subtreeRate,
                         double pointRate, double immigrantRate, double parsimony, double gainWeight) {

    public GpSettings {
        if (populationSize < 2 || tournamentSize < 1 || elites < 0 || elites >= populationSize) {
            throw new IllegalArgumentException("Need a population of at least 2, a tournament of at least 1 and fewer elites"
                    + " than the population");
        }
        if (crossoverRate < 0 || subtreeRate < 0 || pointRate < 0 || crossoverRate + subtreeRate + pointRate > 1) {
            throw new IllegalArgumentException("The operator rates must be non-negative and sum to at most 1");
        }
        if (immigrantRate < 0 || immigrantRate > 1) {
            throw new IllegalArgumentException("immigrantRate must be between 0 and 1");
        }
        if (parsimony < 0 || gainWeight < 0) {
            throw new IllegalArgumentException("parsimony and gainWeight must be non-negative");
        }
    }

    /**
     * 200 individuals, tournaments of 5, 10 elites; children 60 % by crossover, 15 % subtree,
     * 15 % point, 10 % hoist mutation; 10 % of each generation immigrants.
     */
    public static GpSettings defaults() {
        return new GpSettings(200, 5, 10, 0.6, 0.15, 0.15, 0.1, 0.0003, 1.0);
    }

    public GpSettings withPopulation(int size, int elites) {
        return new GpSettings(size, tournamentSize, elites, crossoverRate, subtreeRate, pointRate, immigrantRate, parsimony,
                gainWeight);
    }
}
