package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The fixed sine/cosine position table of "Attention is all you need": (steps, dModel). */
final class SinusoidalPositions {

    private SinusoidalPositions() {
    }

    static float[] table(int steps, int dModel) {
        float[] t = new float[steps * dModel];
        for (int pos = 0; pos < steps; pos++) {
            for (int i = 0; i < dModel / 2; i++) {
                double angle = pos / Math.pow(10_000, 2.0 * i / dModel);
                t[pos * dModel + 2 * i] = (float) Math.sin(angle);
                t[pos * dModel + 2 * i + 1] = (float) Math.cos(angle);
            }
        }
        return t;
    }

    static NDArray create(NDManager manager, int steps, int dModel) {
        return manager.create(table(steps, dModel), new Shape(steps, dModel));
    }
}
