package com.alphaquant.model.jobs;

/** One finished epoch of a training job: the points of its loss curves. */
public record EpochRecord(int epoch, String trainLoss, String validLoss, double learningRate, double seconds) {
}
