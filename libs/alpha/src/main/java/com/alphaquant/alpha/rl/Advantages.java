package com.alphaquant.alpha.rl;

/**
 * REINFORCE's advantages: a batch's rewards minus a moving-average baseline, divided by a moving
 * root mean square of that difference, so that a step does not depend on the scale of the reward
 * (the pool's IC gains shrink as it fills). Both averages start at the first batch's values and
 * are updated after each batch has been scored against the previous ones.
 */
final class Advantages {

    /** The least scale divided by: a train-IC gain of 0.0001 is rounding. */
    static final double SCALE_FLOOR = 1e-4;

    private final double decay;
    private double baseline = Double.NaN;
    private double meanSquare = Double.NaN;

    /** @param decay the weight of the past in both moving averages, in [0, 1) */
    Advantages(double decay) {
        this.decay = decay;
    }

    double baseline() {
        return baseline;
    }

    /** The advantages of {@code rewards}; then folds the batch into the averages. */
    double[] of(double[] rewards) {
        double mean = 0;
        for (double r : rewards) {
            mean += r / rewards.length;
        }
        if (Double.isNaN(baseline)) {
            baseline = mean;
        }
        double square = 0;
        for (double r : rewards) {
            square += (r - baseline) * (r - baseline) / rewards.length;
        }
        if (Double.isNaN(meanSquare)) {
            meanSquare = square;
        }
        double scale = Math.max(Math.sqrt(meanSquare), SCALE_FLOOR);
        double[] out = new double[rewards.length];
        for (int i = 0; i < rewards.length; i++) {
            out[i] = (rewards[i] - baseline) / scale;
        }
        baseline = decay * baseline + (1 - decay) * mean;
        meanSquare = decay * meanSquare + (1 - decay) * square;
        return out;
    }
}
