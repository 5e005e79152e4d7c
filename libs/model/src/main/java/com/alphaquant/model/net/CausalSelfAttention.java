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
 * Multi-head self-attention with QK-Norm: queries and keys are RMS-normalised per head (each with
 * a learnable gain) before their dot product, so a logit {@code q·k / sqrt(d_head)} is at most
 * {@code sqrt(d_head) · max|g_q| · max|g_k|} in magnitude, however large the inputs grow, and the
 * softmax cannot saturate from scale alone.
 *
 * <p>Inputs: {@code x} (batch, steps, dModel) and an additive {@code bias} (batch, 1, steps,
 * steps) from {@link AttentionMask}: 0 where a query may look at a key, a large negative number
 * where not (later steps, masked steps). The q/k/v projection has no bias, which makes the
 * normalised logits invariant to the input's scale.
 */
public final class CausalSelfAttention extends AbstractBlock {

    private final int dModel;
    private final int heads;
    private final int headSize;
    private final Linear qkv;
    private final RmsNorm queryNorm;
    private final RmsNorm keyNorm;
    private final Linear out;

    public CausalSelfAttention(int dModel, int heads) {
        this.dModel = dModel;
        this.heads = heads;
        this.headSize = dModel / heads;
        this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * dModel).optBias(false).build());
        this.queryNorm = addChildBlock("queryNorm", new RmsNorm(headSize));
        this.keyNorm = addChildBlock("keyNorm", new RmsNorm(headSize));
        this.out = addChildBlock("out", Linear.builder().setUnits(dModel).build());
    }

    public RmsNorm queryNorm() {
        return queryNorm;
    }

    public RmsNorm keyNorm() {
        return keyNorm;
    }

    public int headSize() {
        return headSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray bias = inputs.get(1);
        NDList qkvHeads = project(ps, x, training);
        NDArray weights = logits(ps, qkvHeads, training).add(bias).softmax(3);
        NDArray mixed = weights.matMul(qkvHeads.get(2)); // (batch, heads, steps, headSize)
        Shape s = x.getShape();
        NDArray merged = mixed.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(1), dModel);
        return out.forward(ps, new NDList(merged), training);
    }

    /** The scaled, normalised attention logits (batch, heads, steps, steps), before any mask. */
    public NDArray scaledLogits(ParameterStore ps, NDArray x, boolean training) {
        return logits(ps, project(ps, x, training), training);
    }

    private NDArray logits(ParameterStore ps, NDList qkvHeads, boolean training) {
        NDArray q = queryNorm.forward(ps, new NDList(qkvHeads.get(0)), training).singletonOrThrow();
        NDArray k = keyNorm.forward(ps, new NDList(qkvHeads.get(1)), training).singletonOrThrow();
        return q.matMul(k.transpose(0, 1, 3, 2)).mul(Ops.scalar(q, (float) (1 / Math.sqrt(headSize))));
    }

    /** q, k, v, each (batch, heads, steps, headSize). */
    private NDList project(ParameterStore ps, NDArray x, boolean training) {
        Shape s = x.getShape();
        NDArray all = qkv.forward(ps, new NDList(x), training).singletonOrThrow();
        NDList parts = all.split(3, 2);
        NDList heads = new NDList(3);
        for (NDArray part : parts) {
            heads.add(part.reshape(s.get(0), s.get(1), this.heads, headSize).transpose(0, 2, 1, 3));
        }
        return heads;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        qkv.initialize(manager, dataType, x);
        Shape head = new Shape(x.get(0), heads, x.get(1), headSize);
        queryNorm.initialize(manager, dataType, head);
        keyNorm.initialize(manager, dataType, head);
        out.initialize(manager, dataType, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
