package com.alphaquant.model.train;

/** Training progress, called on the training thread; keep it quick. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** After every optimiser step. */
    default void onStep(Progress progress) {
    }

    /** After each epoch's validation; {@link Progress#validLoss()} is that epoch's. */
    default void onEpoch(Progress progress) {
    }
}
