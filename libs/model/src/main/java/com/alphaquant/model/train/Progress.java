package com.alphaquant.model.train;

import java.time.Duration;

/**
 * Where training stands.
 *
 * @param epoch             1-based
 * @param epochs            the most epochs training will run
 * @param step              1-based step within the epoch
 * @param stepsPerEpoch     optimiser steps per epoch
 * @param trainLoss         mean loss per head over this epoch's steps so far
 * @param validLoss         the latest validation loss per head, null before the first validation
 * @param learningRate      the learning rate of the last step
 * @param samplesPerSecond  training throughput so far (optimiser steps only)
 * @param eta               estimated time left if training runs all epochs
 */
public record Progress(int epoch, int epochs, int step, int stepsPerEpoch, HeadLosses trainLoss, HeadLosses validLoss,
                       float learningRate, double samplesPerSecond, Duration eta) {

    /** Share of all steps done, 0 to 1. */
    public double fraction() {
        return ((epoch - 1) * (double) stepsPerEpoch + step) / ((double) epochs * stepsPerEpoch);
    }
}
