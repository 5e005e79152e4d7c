package com.alphaquant.alpha.rl;

/**
 * The policy's shape and how it learns, validated at construction.
 *
 * @param dModel             width of the residual stream
 * @param heads              attention heads (QK-Norm normalises over {@code dModel / heads})
 * @param dFf                hidden width of the SwiGLU feed-forward
 * @param layers             transformer blocks
 * @param batchSize          formulas sampled per policy update
 * @param learningRate       AdamW's learning rate (constant)
 * @param weightDecay        AdamW's decoupled weight decay
 * @param clipNorm           gradients are scaled down when their global L2 norm exceeds this
 * @param entropyCoefficient weight of the mean per-token entropy bonus in the objective
 * @param baselineDecay      the reward baseline is an exponential moving average of the batches'
 *                           mean rewards with this decay
 * @param rejectionPenalty   the reward of a formula the pool turns down (minus this)
 */
public record PolicyConfig(int dModel, int heads, int dFf, int layers, int batchSize, float learningRate,
                           float weightDecay, float clipNorm, float entropyCoefficient, double baselineDecay,
                           double rejectionPenalty) {

    public PolicyConfig {
        positive("dModel", dModel);
        positive("dFf", dFf);
        positive("layers", layers);
        positive("batchSize", batchSize);
        if (heads < 1 || dModel % heads != 0) {
            throw new IllegalArgumentException("heads " + heads + " must divide dModel " + dModel);
        }
        if (!(learningRate > 0 && Float.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate " + learningRate + " must be positive");
        }
        if (!(weightDecay >= 0 && Float.isFinite(weightDecay))) {
            throw new IllegalArgumentException("weightDecay " + weightDecay + " must not be negative");
        }
        if (!(clipNorm > 0 && Float.isFinite(clipNorm))) {
            throw new IllegalArgumentException("clipNorm " + clipNorm + " must be positive");
        }
        if (!(entropyCoefficient >= 0 && Float.isFinite(entropyCoefficient))) {
            throw new IllegalArgumentException("entropyCoefficient " + entropyCoefficient + " must not be negative");
        }
        if (!(baselineDecay >= 0 && baselineDecay < 1)) {
            throw new IllegalArgumentException("baselineDecay " + baselineDecay + " must lie in [0, 1)");
        }
        if (!(rejectionPenalty >= 0 && Double.isFinite(rejectionPenalty))) {
            throw new IllegalArgumentException("rejectionPenalty " + rejectionPenalty + " must not be negative");
        }
    }

    /**
     * d_model 64, 4 heads, d_ff 128, 2 blocks (about 94 thousand parameters with the standard
     * vocabulary and 15-token formulas); 64 formulas per update; AdamW lr 1e-3, weight decay 1e-4,
     * clip 1; entropy 0.01; baseline decay 0.9; penalty 0.002, small beside the train-IC gains of
     * the formulas a pool takes on the bundled sample (about 0.005 on average while it fills).
     */
    public static PolicyConfig defaults() {
        return new PolicyConfig(64, 4, 128, 2, 64, 1e-3f, 1e-4f, 1f, 0.01f, 0.9, 0.002);
    }

    public PolicyConfig withBatchSize(int size) {
        return new PolicyConfig(dModel, heads, dFf, layers, size, learningRate, weightDecay, clipNorm, entropyCoefficient,
                baselineDecay, rejectionPenalty);
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " " + value + " must be at least 1");
        }
    }
}
