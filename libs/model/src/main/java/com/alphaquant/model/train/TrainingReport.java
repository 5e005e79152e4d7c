package com.alphaquant.model.train;

import java.time.Duration;
import java.util.List;

/**
 * What a completed training run did.
 *
 * @param seed              the seed it ran with
 * @param epochs            per epoch: losses, learning rate and time
 * @param bestEpoch         1-based epoch whose weights the model holds (lowest validation loss)
 * @param stoppedEarly      whether patience ran out before the last epoch
 * @param trainingMeans     per head, the mean training label (the naive forecast)
 * @param baselineValidLoss validation loss of predicting {@code trainingMeans} for every sample
 * @param samplesPerSecond  training throughput (optimiser steps only)
 * @param elapsed           wall time, validation included
 */
public record TrainingReport(int seed, List<EpochResult> epochs, int bestEpoch, boolean stoppedEarly,
                             float[] trainingMeans, HeadLosses baselineValidLoss, double samplesPerSecond,
                             Duration elapsed) {

    public TrainingReport {
        epochs = List.copyOf(epochs);
        trainingMeans = trainingMeans.clone();
    }

    @Override
    public float[] trainingMeans() {
        return trainingMeans.clone();
    }

    /** The validation loss of the kept weights. */
    public HeadLosses bestValidLoss() {
        return epochs.get(bestEpoch - 1).validLoss();
    }

    /** One epoch: mean training loss over its steps, validation loss after it. */
    public record EpochResult(int epoch, HeadLosses trainLoss, HeadLosses validLoss, float learningRate,
                              Duration elapsed) {
    }
}
