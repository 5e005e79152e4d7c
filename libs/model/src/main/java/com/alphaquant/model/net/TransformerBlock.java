package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-norm block: {@code x + drop(attn(norm(x)))}, then {@code x + drop(ffn(norm(x)))}. Inputs:
 * {@code x} (batch, steps, dModel) and the attention bias; output: the new {@code x}.
 */
public final class TransformerBlock extends AbstractBlock {

    private final RmsNorm attentionNorm;
    private final CausalSelfAttention attention;
    private final RmsNorm feedForwardNorm;
    private final SwiGlu feedForward;
    private final Dropout dropout;

    public TransformerBlock(ModelConfig config) {
        this.attentionNorm = addChildBlock("attentionNorm", new RmsNorm(config.dModel()));
        this.attention = addChildBlock("attention", new CausalSelfAttention(config.dModel(), config.heads()));
        this.feedForwardNorm = addChildBlock("feedForwardNorm", new RmsNorm(config.dModel()));
        this.feedForward = addChildBlock("feedForward", new SwiGlu(config.dModel(), config.dFf()));
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
    }

    public CausalSelfAttention attention() {
        return attention;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray bias = inputs.get(1);
        NDArray normed = attentionNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray attended = attention.forward(ps, new NDList(normed, bias), training).singletonOrThrow();
        x = x.add(dropout.forward(ps, new NDList(attended), training).singletonOrThrow());
        NDArray normed2 = feedForwardNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray fed = feedForward.forward(ps, new NDList(normed2), training).singletonOrThrow();
        return new NDList(x.add(dropout.forward(ps, new NDList(fed), training).singletonOrThrow()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        attentionNorm.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x, inputShapes[1]);
        feedForwardNorm.initialize(manager, dataType, x);
        feedForward.initialize(manager, dataType, x);
        dropout.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
