package com.alphaquant.model.train;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;

/** Linear warm-up from 0 to the peak, then cosine decay to the final rate at the last step. */
final class LearningRateSchedule {

    private LearningRateSchedule() {
    }

    static Tracker of(TrainOptions options, int totalSteps) {
        int warmUp = Math.round(totalSteps * options.warmupFraction());
        // CosineTracker would decay to 0 without an explicit final value
        Tracker cosine = CosineTracker.builder().setBaseValue(options.learningRate())
                .optFinalValue(options.finalLearningRate()).setMaxUpdates(Math.max(1, totalSteps - warmUp)).build();
        return WarmUpTracker.builder().setMainTracker(cosine).optWarmUpSteps(warmUp).optWarmUpBeginValue(0f).build();
    }
}
