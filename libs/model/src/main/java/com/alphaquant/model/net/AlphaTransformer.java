package com.alphaquant.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The AlphaQuant transformer: linear factor embedding + sinusoidal positions → causal pre-norm
 * blocks (QK-Norm attention, SwiGLU) → final RMS norm → the last step's state, fused with that
 * day's market sentiment → heads for forward return, Sharpe and max drawdown.
 *
 * <p>Inputs, as {@link com.alphaquant.model.dataset.Samples} lays them out: factors (batch, steps,
 * factorCount), market (batch, steps, marketCount), mask (batch, steps). Output: (batch, 3).
 * Values at masked steps are replaced by 0 before anything reads them, so padding (even NaN) cannot
 * leak; the attention mask keeps masked steps' states out of every other step.
 */
public final class AlphaTransformer extends AbstractBlock {

    private final ModelConfig config;
    private final float[] positions;
    private final Linear embedding;
    private final Dropout dropout;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final RmsNorm finalNorm;
    private final SentimentFusion fusion;
    private final PredictionHeads heads;

    public AlphaTransformer(ModelConfig config) {
        this.config = config;
        this.positions = SinusoidalPositions.table(config.seqLen(), config.dModel());
        this.embedding = addChildBlock("embedding", Linear.builder().setUnits(config.dModel()).build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        for (int i = 0; i < config.layers(); i++) {
            blocks.add(addChildBlock("block" + i, new TransformerBlock(config)));
        }
        this.finalNorm = addChildBlock("finalNorm", new RmsNorm(config.dModel()));
        this.fusion = config.marketCount() > 0 ? addChildBlock("fusion", new SentimentFusion(config.dModel())) : null;
        this.heads = addChildBlock("heads", new PredictionHeads());
        setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    }

    public ModelConfig config() {
        return config;
    }

    public List<TransformerBlock> blocks() {
        return List.copyOf(blocks);
    }

    /** Input shapes for {@link #initialize} with a batch of {@code batch}. */
    public Shape[] inputShapes(long batch) {
        long t = config.seqLen();
        return new Shape[] {new Shape(batch, t, config.factorCount()), new Shape(batch, t, config.marketCount()),
            new Shape(batch, t)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray last = encode(ps, inputs, training).get(new NDIndex(":, -1, :"));
        if (fusion != null) {
            NDArray market = scrub(inputs.get(1), inputs.get(2)).get(new NDIndex(":, -1, :"));
            last = fusion.forward(ps, new NDList(last, market), training).singletonOrThrow();
        }
        return heads.forward(ps, new NDList(last), training);
    }

    /** The normalised hidden state of every step, (batch, steps, dModel). */
    public NDArray encode(ParameterStore ps, NDList inputs, boolean training) {
        NDArray mask = inputs.get(2);
        NDArray factors = scrub(inputs.get(0), mask);
        NDArray x = embedding.forward(ps, new NDList(factors), training).singletonOrThrow();
        x = x.add(positions(x));
        x = dropout.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray bias = AttentionMask.bias(mask);
        for (TransformerBlock block : blocks) {
            x = block.forward(ps, new NDList(x, bias), training).singletonOrThrow();
        }
        return finalNorm.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    private NDArray positions(NDArray x) {
        int steps = (int) x.getShape().get(1);
        NDManager m = x.getManager();
        if (steps == config.seqLen()) {
            return m.create(positions, new Shape(steps, config.dModel()));
        }
        return SinusoidalPositions.create(m, steps, config.dModel());
    }

    /** 0 at masked steps and wherever a value is NaN, the value elsewhere. */
    private static NDArray scrub(NDArray values, NDArray mask) {
        if (values.getShape().tail() == 0) {
            return values;
        }
        NDArray keep = mask.gt(Ops.scalar(mask, 0.5f)).expandDims(2).broadcast(values.getShape())
                .logicalAnd(values.isNaN().logicalNot());
        return NDArrays.where(keep, values, values.zerosLike());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape factors = inputShapes[0];
        long batch = factors.get(0);
        long steps = factors.get(1);
        embedding.initialize(manager, dataType, factors);
        Shape hidden = new Shape(batch, steps, config.dModel());
        dropout.initialize(manager, dataType, hidden);
        Shape bias = new Shape(batch, 1, steps, steps);
        for (TransformerBlock block : blocks) {
            block.initialize(manager, dataType, hidden, bias);
        }
        finalNorm.initialize(manager, dataType, hidden);
        Shape last = new Shape(batch, config.dModel());
        if (fusion != null) {
            fusion.initialize(manager, dataType, last, new Shape(batch, config.marketCount()));
        }
        heads.initialize(manager, dataType, last);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), ModelConfig.HEADS)};
    }
}
