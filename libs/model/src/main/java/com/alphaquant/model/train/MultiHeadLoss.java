package com.alphaquant.model.train;

import ai.djl.ndarray.NDArray;

/**
 * The training objective on one batch, {@code Σ_h w_h · mean over known labels |ŷ_h − y_h|}, written
 * out because DJL's weighted L1 ignores its weight. Unknown (NaN) labels carry weight 0, so they
 * neither count in a mean nor send a gradient.
 */
final class MultiHeadLoss {

    private MultiHeadLoss() {
    }

    /** Sums of |ŷ − y| over known labels per head, shape (3), still attached to the graph. */
    static NDArray absErrorSums(NDArray predictions, Batch batch) {
        return predictions.sub(batch.labels()).abs().mul(batch.known()).sum(new int[] {0});
    }

    /** The weighted objective from {@link #absErrorSums}, a scalar. */
    static NDArray objective(NDArray absErrorSums, long[] knownPerHead) {
        float[] scale = new float[HeadLosses.WEIGHTS.length];
        for (int h = 0; h < scale.length; h++) {
            scale[h] = HeadLosses.WEIGHTS[h] / Math.max(1, knownPerHead[h]);
        }
        return absErrorSums.mul(absErrorSums.getManager().create(scale)).sum();
    }
}
