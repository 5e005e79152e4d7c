package com.alphaquant.model.train;

/** How a training run ended: with a model, or cancelled with nothing kept. */
public sealed interface TrainingOutcome {

    /** Training finished (all epochs or early stopping); {@code model} holds the best validation epoch's weights. */
    record Completed(TrainedModel model, TrainingReport report) implements TrainingOutcome {
    }

    /** Cancelled before the step {@code step} of epoch {@code epoch}; everything it built is released. */
    record Cancelled(int epoch, int step) implements TrainingOutcome {
    }
}
