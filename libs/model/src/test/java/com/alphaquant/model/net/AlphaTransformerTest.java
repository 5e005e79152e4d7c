package com.alphaquant.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class AlphaTransformerTest {

    private static final int T = NetFixture.TINY.seqLen();
    private static final int F = NetFixture.TINY.factorCount();
    private static final int M = NetFixture.TINY.marketCount();

    @Test
    void predictsThreeHeadsPerSample() {
        try (NetFixture f = new NetFixture()) {
            AlphaTransformer net = f.transformer(2);
            float[] out = f.predict(net, f.inputs(4, f.gaussian(4 * T * F, 1), f.gaussian(4 * T * M, 1),
                    NetFixture.ones(4 * T)));
            assertThat(out).hasSize(4 * 3);
            for (float v : out) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }

    @Test
    void attentionIsCausalAChangeAtAStepLeavesEarlierStepsUnchanged() {
        try (NetFixture f = new NetFixture()) {
            AlphaTransformer net = f.transformer(1);
            float[] factors = f.gaussian(2 * T * F, 1);
            float[] market = f.gaussian(2 * T * M, 1);
            float[] changed = factors.clone();
            int step = 7;
            for (int b = 0; b < 2; b++) {
                for (int k = 0; k < F; k++) {
                    changed[(b * T + step) * F + k] += 3f;
                }
            }
            float[][] before = perStep(f, net, factors, market);
            float[][] after = perStep(f, net, changed, market);
            for (int s = 0; s < T; s++) {
                if (s < step) {
                    assertThat(after[s]).as("step %d", s).containsExactly(before[s], within(1e-6f));
                } else {
                    assertThat(maxAbsDiff(after[s], before[s])).as("step %d", s).isGreaterThan(1e-3f);
                }
            }
        }
    }

    @Test
    void factorsAndMarketAtMaskedStepsHaveNoEffectEvenWhenNaN() {
        try (NetFixture f = new NetFixture()) {
            AlphaTransformer net = f.transformer(1);
            float[] factors = f.gaussian(T * F, 1);
            float[] market = f.gaussian(T * M, 1);
            float[] mask = NetFixture.ones(T);
            int[] masked = {0, 1, 2, 3, 6};
            for (int s : masked) {
                mask[s] = 0;
            }
            float[] otherFactors = factors.clone();
            float[] otherMarket = market.clone();
            for (int s : masked) {
                for (int k = 0; k < F; k++) {
                    otherFactors[s * F + k] = k == 0 ? Float.NaN : 50f * (k + 1);
                }
                for (int k = 0; k < M; k++) {
                    otherMarket[s * M + k] = -40f;
                }
            }
            float[] base = f.predict(net, f.inputs(1, factors, market, mask));
            float[] other = f.predict(net, f.inputs(1, otherFactors, otherMarket, mask));
            assertThat(other).containsExactly(base, within(1e-6f));

            // the same change at a step with data does move the prediction
            float[] unmaskedChange = factors.clone();
            unmaskedChange[5 * F] += 3f;
            float[] moved = f.predict(net, f.inputs(1, unmaskedChange, market, mask));
            assertThat(maxAbsDiff(moved, base)).isGreaterThan(1e-4f);
        }
    }

    @Test
    void theAttentionMaskKeepsMaskedStepsStatesOutOfEveryOtherStep() {
        // below the input scrubbing: whatever a masked step's state holds, the blocks must not read it
        try (NetFixture f = new NetFixture()) {
            TransformerBlock block = new TransformerBlock(NetFixture.TINY);
            int d = NetFixture.TINY.dModel();
            block.initialize(f.manager, DataType.FLOAT32, new Shape(1, T, d), new Shape(1, 1, T, T));
            float[] mask = NetFixture.ones(T);
            mask[2] = 0;
            mask[4] = 0;
            float[] x = f.gaussian(T * d, 1);
            float[] y = x.clone();
            for (int k = 0; k < d; k++) {
                y[2 * d + k] += 5f;
                y[4 * d + k] -= 5f;
            }
            NDArray bias = AttentionMask.bias(f.create(mask, 1, T));
            float[] outX = block.forward(f.ps, new NDList(f.create(x, 1, T, d), bias), false).singletonOrThrow()
                    .toFloatArray();
            float[] outY = block.forward(f.ps, new NDList(f.create(y, 1, T, d), bias), false).singletonOrThrow()
                    .toFloatArray();
            for (int s = 0; s < T; s++) {
                float diff = maxAbsDiff(slice(outX, s * d, d), slice(outY, s * d, d));
                if (mask[s] == 1) {
                    assertThat(diff).as("step %d", s).isLessThan(1e-6f);
                } else {
                    assertThat(diff).as("masked step %d itself changes", s).isGreaterThan(1f);
                }
            }
        }
    }

    private static float[][] perStep(NetFixture f, AlphaTransformer net, float[] factors, float[] market) {
        NDArray h = net.encode(f.ps, f.inputs(2, factors, market, NetFixture.ones(2 * T)), false);
        float[][] steps = new float[T][];
        for (int s = 0; s < T; s++) {
            steps[s] = h.get(new NDIndex(":, {}, :", s)).toFloatArray();
        }
        return steps;
    }

    private static float[] slice(float[] v, int from, int n) {
        return java.util.Arrays.copyOfRange(v, from, from + n);
    }

    static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
