package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The additive attention bias that makes self-attention causal and blind to masked steps: query
 * step i may attend to key step j only when j ≤ i and step j has data. A disallowed pair gets
 * {@link #BLOCKED}, whose softmax weight is exactly 0, so nothing at a later or masked step reaches
 * an allowed query. (A finite number rather than −∞ keeps a query with no allowed key, a masked
 * step early in a short history, from turning into NaN; its output is never read.)
 */
public final class AttentionMask {

    static final float BLOCKED = -1e9f;

    private AttentionMask() {
    }

    /** {@code mask} (batch, steps), 1 for a step with data → bias (batch, 1, steps, steps). */
    public static NDArray bias(NDArray mask) {
        NDManager m = mask.getManager();
        long steps = mask.getShape().get(1);
        NDArray position = m.arange((int) steps);
        NDArray causal = position.reshape(steps, 1).gte(position.reshape(1, steps)); // query ≥ key
        NDArray keyHasData = mask.gt(Ops.scalar(mask, 0.5f)).expandDims(1); // (batch, 1, steps)
        NDArray allowed = causal.expandDims(0).logicalAnd(keyHasData).expandDims(1).toType(DataType.FLOAT32, false);
        return allowed.sub(Ops.scalar(mask, 1f)).mul(Ops.scalar(mask, -BLOCKED));
    }
}
