package com.alphaquant.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.ModelConfig;

/**
 * One batch as tensors on {@code manager} (its per-batch scope): the network's inputs, the labels
 * with NaN replaced by 0 and a 0/1 weight saying which are known, and how many are known per head.
 */
record Batch(NDList inputs, NDArray labels, NDArray known, long[] knownPerHead) {

    static NDList inputs(NDManager manager, Samples s) {
        long n = s.size();
        return new NDList(manager.create(s.factors(), new Shape(n, s.seqLen(), s.factorCount())),
                manager.create(s.market(), new Shape(n, s.seqLen(), s.marketCount())),
                manager.create(s.mask(), new Shape(n, s.seqLen())));
    }

    static Batch of(NDManager manager, Samples s) {
        float[] labels = s.labels().clone();
        float[] known = new float[labels.length];
        long[] perHead = new long[ModelConfig.HEADS];
        for (int i = 0; i < labels.length; i++) {
            if (Float.isNaN(labels[i])) {
                labels[i] = 0;
            } else {
                known[i] = 1;
                perHead[i % ModelConfig.HEADS]++;
            }
        }
        Shape shape = new Shape(s.size(), ModelConfig.HEADS);
        return new Batch(inputs(manager, s), manager.create(labels, shape), manager.create(known, shape), perHead);
    }

    boolean anyKnown() {
        long total = 0;
        for (long c : knownPerHead) {
            total += c;
        }
        return total > 0;
    }
}
