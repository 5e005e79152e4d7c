package com.alphaquant.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class QkNormTest {

    @Test
    void attentionLogitsStayWithinTheGainBoundHoweverLargeTheInputs() {
        int dModel = 16;
        int heads = 2;
        int steps = 10;
        try (NetFixture f = new NetFixture()) {
            CausalSelfAttention attention = new CausalSelfAttention(dModel, heads);
            attention.initialize(f.manager, DataType.FLOAT32, new Shape(3, steps, dModel), new Shape(3, 1, steps, steps));
            int h = attention.headSize();
            float[] queryGain = f.gaussian(h, 1.5);
            float[] keyGain = f.gaussian(h, 1.5);
            attention.queryNorm().gain().getArray().set(queryGain);
            attention.keyNorm().gain().getArray().set(keyGain);
            double bound = Math.sqrt(h) * maxAbs(queryGain) * maxAbs(keyGain);

            float[] x = f.gaussian(3 * steps * dModel, 1);
            float[] huge = x.clone();
            for (int i = 0; i < huge.length; i++) {
                huge[i] *= 1e3f;
            }
            float[] logits = attention.scaledLogits(f.ps, f.create(x, 3, steps, dModel), false).toFloatArray();
            float[] hugeLogits = attention.scaledLogits(f.ps, f.create(huge, 3, steps, dModel), false).toFloatArray();

            assertThat(maxAbs(hugeLogits)).isLessThanOrEqualTo((float) (bound * (1 + 1e-5)));
            // unnormalised, the logits would grow a million-fold; normalised, they do not move
            assertThat(hugeLogits).containsExactly(logits, within(1e-3f));
            assertThat(maxAbs(logits)).isGreaterThan((float) (0.1 * bound));
        }
    }

    private static float maxAbs(float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
