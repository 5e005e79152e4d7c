package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Fuses the stock's encoded window with the market's mood on the prediction day, after the
 * transformer blocks: {@code h + SiLU(W [h ; SiLU(E m)])}, with {@code h} the last step's hidden
 * state (batch, dModel) and {@code m} that day's market-sentiment vector (batch, marketCount).
 * Fusing late keeps the market vector, identical for every stock on a day, from diluting the
 * stock's own sequence in attention, and lets it scale what the sequence says (the gate sees both).
 */
public final class SentimentFusion extends AbstractBlock {

    private final int dModel;
    private final Linear marketEmbedding;
    private final Linear mix;

    public SentimentFusion(int dModel) {
        this.dModel = dModel;
        this.marketEmbedding = addChildBlock("marketEmbedding", Linear.builder().setUnits(dModel).build());
        this.mix = addChildBlock("mix", Linear.builder().setUnits(dModel).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray market = Ops.silu(marketEmbedding.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow());
        NDArray mixed = mix.forward(ps, new NDList(h.concat(market, 1)), training).singletonOrThrow();
        return new NDList(h.add(Ops.silu(mixed)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        marketEmbedding.initialize(manager, dataType, inputShapes[1]);
        mix.initialize(manager, dataType, new Shape(inputShapes[0].get(0), 2L * dModel));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
