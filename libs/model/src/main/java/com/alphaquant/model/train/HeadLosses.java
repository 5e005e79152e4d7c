package com.alphaquant.model.train;

/**
 * Mean absolute error per head over the labels that are known, and their weighted sum, the
 * training objective: {@code 0.4·L1(return) + 0.3·L1(Sharpe) + 0.3·L1(drawdown)}.
 */
public record HeadLosses(double returnLoss, double sharpeLoss, double drawdownLoss) {

    /** Weights per head, in head order. */
    static final float[] WEIGHTS = {0.4f, 0.3f, 0.3f};

    public double total() {
        return WEIGHTS[0] * returnLoss + WEIGHTS[1] * sharpeLoss + WEIGHTS[2] * drawdownLoss;
    }

    /** Per head, in head order. */
    public double[] perHead() {
        return new double[] {returnLoss, sharpeLoss, drawdownLoss};
    }

    static HeadLosses of(double[] perHead) {
        return new HeadLosses(perHead[0], perHead[1], perHead[2]);
    }

    @Override
    public String toString() {
        return String.format("total %.5f (return %.5f, sharpe %.5f, drawdown %.5f)", total(), returnLoss, sharpeLoss,
                drawdownLoss);
    }
}
