package com.alphaquant.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.Collection;
import java.util.List;

/**
 * One optimiser step with the gradients clipped by their global L2 norm: when the norm exceeds
 * the clip, every gradient is scaled by one factor, so the update keeps its direction. Shared by
 * the model trainer and the alpha miner's policy.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Clips the gradients of {@code parameters} and applies {@code optimizer}.
     *
     * @param scope the batch's manager: the gradient handles are attached to it and freed with it
     * @return the global gradient norm before clipping
     */
    public static float clipAndUpdate(Collection<Parameter> parameters, NDManager scope, Optimizer optimizer,
                                      float clipNorm) {
        List<Parameter> params = List.copyOf(parameters);
        NDList grads = new NDList(params.size());
        NDList squares = new NDList(params.size());
        for (Parameter p : params) {
            NDArray g = p.getArray().getGradient();
            g.attach(scope); // the handle, not the gradient itself, goes with the batch
            grads.add(g);
            squares.add(g.square().sum());
        }
        float norm = (float) Math.sqrt(NDArrays.stack(squares).sum().getFloat());
        if (norm > clipNorm) {
            NDArray scale = scope.create(clipNorm / (norm + 1e-6f));
            for (NDArray g : grads) {
                g.muli(scale);
            }
        }
        for (int i = 0; i < params.size(); i++) {
            optimizer.update(params.get(i).getId(), params.get(i).getArray(), grads.get(i));
        }
        return norm;
    }
}
