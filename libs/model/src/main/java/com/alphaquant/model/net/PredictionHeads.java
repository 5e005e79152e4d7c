package com.alphaquant.model.net;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** One linear head per target (return, Sharpe, max drawdown) on the fused state → (batch, 3). */
public final class PredictionHeads extends AbstractBlock {

    private static final String[] NAMES = {"returnHead", "sharpeHead", "drawdownHead"};

    private final Linear[] heads = new Linear[NAMES.length];

    public PredictionHeads() {
        for (int i = 0; i < NAMES.length; i++) {
            heads[i] = addChildBlock(NAMES[i], Linear.builder().setUnits(1).build());
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList outputs = new NDList(heads.length);
        for (Linear head : heads) {
            outputs.add(head.forward(ps, inputs, training).singletonOrThrow());
        }
        return new NDList(NDArrays.concat(outputs, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Linear head : heads) {
            head.initialize(manager, dataType, inputShapes[0]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), heads.length)};
    }
}
