package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The gated feed-forward {@code W2 (SiLU(W1 x) ⊙ W3 x)}; W1 and W3 share one projection. */
public final class SwiGlu extends AbstractBlock {

    private final int dModel;
    private final int dFf;
    private final Linear gateAndValue;
    private final Linear down;

    public SwiGlu(int dModel, int dFf) {
        this.dModel = dModel;
        this.dFf = dFf;
        this.gateAndValue = addChildBlock("gateAndValue", Linear.builder().setUnits(2L * dFf).optBias(false).build());
        this.down = addChildBlock("down", Linear.builder().setUnits(dModel).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray both = gateAndValue.forward(ps, inputs, training).singletonOrThrow();
        NDList halves = both.split(2, both.getShape().dimension() - 1);
        NDArray hidden = Ops.silu(halves.get(0)).mul(halves.get(1));
        return down.forward(ps, new NDList(hidden), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        gateAndValue.initialize(manager, dataType, inputShapes[0]);
        down.initialize(manager, dataType, withTail(inputShapes[0], dFf));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {withTail(inputShapes[0], dModel)};
    }

    static Shape withTail(Shape shape, long tail) {
        return shape.slice(0, shape.dimension() - 1).add(tail);
    }
}
