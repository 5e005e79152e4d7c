package com.alphaquant.alpha.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import com.alphaquant.model.net.AttentionMask;
import com.alphaquant.model.net.ModelConfig;
import com.alphaquant.model.net.RmsNorm;
import com.alphaquant.model.net.TransformerBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A GPT-style policy over formula tokens: token embedding + learned positions → causal pre-norm
 * blocks of the AlphaQuant transformer (QK-Norm attention, SwiGLU) → RMS norm → one logit per
 * vocabulary token at every step.
 *
 * <p>Input: token ids (batch, steps), int64, where id {@code vocabularySize} is the start token
 * that opens every sequence. Output: logits (batch, steps, vocabularySize); those of step t
 * choose the token that follows the first t + 1 inputs.
 */
final class PolicyNet extends AbstractBlock {

    private final int vocabularySize;
    private final int maxSteps;
    private final int dModel;
    private final Linear embedding;
    private final Parameter positions;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final RmsNorm finalNorm;
    private final Linear head;

    /** @param maxSteps the longest input: the start token and every token but the last */
    PolicyNet(int vocabularySize, int maxSteps, PolicyConfig config) {
        this.vocabularySize = vocabularySize;
        this.maxSteps = maxSteps;
        this.dModel = config.dModel();
        // The blocks read only the widths and the dropout from the model's config
        ModelConfig shape = new ModelConfig(maxSteps, vocabularySize + 1, 0, config.dModel(), config.heads(), config.dFf(),
                config.layers(), 0f);
        this.embedding = addChildBlock("embedding", Linear.builder().setUnits(dModel).optBias(false).build());
        this.positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxSteps, dModel)).build());
        for (int i = 0; i < config.layers(); i++) {
            blocks.add(addChildBlock("block" + i, new TransformerBlock(shape)));
        }
        this.finalNorm = addChildBlock("finalNorm", new RmsNorm(dModel));
        this.head = addChildBlock("head", Linear.builder().setUnits(vocabularySize).build());
        setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    }

    int startToken() {
        return vocabularySize;
    }

    int maxSteps() {
        return maxSteps;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        long batch = ids.getShape().get(0);
        long steps = ids.getShape().get(1);
        NDArray x = embedding.forward(ps, new NDList(ids.oneHot(vocabularySize + 1)), training).singletonOrThrow();
        NDArray rows = ps.getValue(positions, x.getDevice(), training).get(new NDIndex("0:{}", steps));
        rows.attach(x.getManager()); // a slice lands on the parameter's manager, which lives as long as the model
        x = x.add(rows);
        NDArray bias = AttentionMask.bias(x.getManager().ones(new Shape(batch, steps)));
        for (TransformerBlock block : blocks) {
            x = block.forward(ps, new NDList(x, bias), training).singletonOrThrow();
        }
        x = finalNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        return head.forward(ps, new NDList(x), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long steps = inputShapes[0].get(1);
        embedding.initialize(manager, dataType, new Shape(batch, steps, vocabularySize + 1));
        Shape hidden = new Shape(batch, steps, dModel);
        Shape bias = new Shape(batch, 1, steps, steps);
        for (TransformerBlock block : blocks) {
            block.initialize(manager, dataType, hidden, bias);
        }
        finalNorm.initialize(manager, dataType, hidden);
        head.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), vocabularySize)};
    }
}
