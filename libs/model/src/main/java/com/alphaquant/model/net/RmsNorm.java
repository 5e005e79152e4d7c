package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Root-mean-square normalisation over the last axis with a learnable gain (initially 1):
 * {@code x / sqrt(mean(x²) + eps) * gain}. After it, a vector of width n has Euclidean norm at most
 * {@code sqrt(n) * max|gain|}, whatever the input's scale; QK-Norm relies on that bound.
 */
public final class RmsNorm extends AbstractBlock {

    static final float EPS = 1e-6f;

    private final int size;
    private final Parameter gain;

    public RmsNorm(int size) {
        this.size = size;
        this.gain = addParameter(Parameter.builder().setName("gain").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(size)).build());
    }

    public Parameter gain() {
        return gain;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = ps.getValue(gain, x.getDevice(), training);
        NDArray rms = x.square().mean(new int[] {x.getShape().dimension() - 1}, true).add(Ops.scalar(x, EPS)).sqrt();
        return new NDList(x.div(rms).mul(g));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        if (inputShapes[0].tail() != size) {
            throw new IllegalArgumentException("RmsNorm over " + size + " features got shape " + inputShapes[0]);
        }
        return new Shape[] {inputShapes[0]};
    }
}
