package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;

/** A tiny initialised transformer and random inputs for the block tests. */
final class NetFixture implements AutoCloseable {

    static final ModelConfig TINY = new ModelConfig(12, 5, 3, 16, 2, 24, 2, 0f);

    final NDManager manager = Torch.engine().newBaseManager();
    final ParameterStore ps = new ParameterStore(manager, false);
    final Random random = new Random(11);

    AlphaTransformer transformer(int batch) {
        Torch.engine().setRandomSeed(5);
        AlphaTransformer net = new AlphaTransformer(TINY);
        net.initialize(manager, DataType.FLOAT32, net.inputShapes(batch));
        return net;
    }

    float[] gaussian(int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }

    static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }

    NDList inputs(int batch, float[] factors, float[] market, float[] mask) {
        int t = TINY.seqLen();
        return new NDList(manager.create(factors, new Shape(batch, t, TINY.factorCount())),
                manager.create(market, new Shape(batch, t, TINY.marketCount())),
                manager.create(mask, new Shape(batch, t)));
    }

    float[] predict(AlphaTransformer net, NDList inputs) {
        return net.forward(ps, inputs, false).singletonOrThrow().toFloatArray();
    }

    NDArray create(float[] values, long... shape) {
        return manager.create(values, new Shape(shape));
    }

    @Override
    public void close() {
        manager.close();
    }
}
