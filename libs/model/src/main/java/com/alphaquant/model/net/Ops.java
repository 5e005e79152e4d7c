package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Element-wise helpers that stay clear of two DJL 0.36 hazards: {@code NDArray.mul(Number)} and
 * {@code Activation.swish} can free arrays still in use under GC pressure, so scalars become arrays
 * in the operand's own manager (freed with the batch) and SiLU is spelled out.
 */
final class Ops {

    private Ops() {
    }

    /** A scalar array on {@code like}'s manager and device. */
    static NDArray scalar(NDArray like, float value) {
        return like.getManager().create(value);
    }

    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }
}
