package com.alphaquant.alpha.rl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.alphaquant.alpha.expr.RpnBuilder;
import com.alphaquant.alpha.expr.Token;
import com.alphaquant.alpha.expr.Vocabulary;
import com.alphaquant.model.net.Torch;
import com.alphaquant.model.train.GradientClipping;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The policy that writes formulas: {@link PolicyNet} on the CPU, sampled token by token through
 * {@link RpnBuilder}'s mask, and improved by REINFORCE steps with AdamW.
 *
 * <p>Reproducible: parameters are initialised from the seed (PyTorch's generator, seeded under a
 * lock since it is process-wide) and tokens are drawn with a {@link Random} of the same seed from
 * the probabilities the net gives, so with one PyTorch thread two policies of the same seed
 * write the same formulas and take the same steps. Not thread-safe.
 */
final class Policy implements AutoCloseable {

    private static final ReentrantLock SEEDING = new ReentrantLock();
    /**
     * Added to the logits of tokens the mask refuses: their probability is exactly 0 in float, as
     * with −∞, while 0 · log p stays 0 in the entropy (−∞ would make it NaN).
     */
    private static final float BLOCKED = -1e9f;

    private final Vocabulary vocabulary;
    private final int maxTokens;
    private final PolicyConfig config;
    private final Engine engine;
    private final Model model;
    private final PolicyNet net;
    private final Optimizer optimizer;
    private final Random random;

    /** The result of one update: the loss minimised, the mean entropy per token, the gradient norm. */
    record Step(float loss, float entropy, float gradientNorm) {
    }

    Policy(Vocabulary vocabulary, int maxTokens, PolicyConfig config, long seed) {
        this.vocabulary = vocabulary;
        this.maxTokens = maxTokens;
        this.config = config;
        this.engine = Torch.engine();
        this.model = Model.newInstance("alpha-policy", Device.cpu(), Torch.ENGINE);
        // Inputs: the start token and every token but END, at most maxTokens of them
        this.net = new PolicyNet(vocabulary.size(), maxTokens + 1, config);
        SEEDING.lock();
        try {
            engine.setRandomSeed(Long.hashCode(seed));
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, maxTokens + 1));
        } finally {
            SEEDING.unlock();
        }
        model.setBlock(net);
        this.optimizer = Optimizer.adamW().optLearningRateTracker(Tracker.fixed(config.learningRate()))
                .optWeightDecays(config.weightDecay()).build();
        this.random = new Random(seed);
    }

    /** {@code n} formulas, each valid and of at most {@code maxTokens} tokens. */
    List<Episode> sample(int n) {
        return Torch.withoutGradients(() -> draw(n));
    }

    private List<Episode> draw(int n) {
        List<RpnBuilder> builders = new ArrayList<>(n);
        List<List<Integer>> actions = new ArrayList<>(n);
        List<List<boolean[]>> masks = new ArrayList<>(n);
        List<Integer> active = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            builders.add(new RpnBuilder(maxTokens));
            actions.add(new ArrayList<>());
            masks.add(new ArrayList<>());
            active.add(i);
        }
        // Every unfinished formula has written the same number of tokens: they step together
        for (int written = 0; !active.isEmpty(); written++) {
            float[] logits = lastLogits(actions, active, written);
            List<Integer> still = new ArrayList<>(active.size());
            for (int a = 0; a < active.size(); a++) {
                int i = active.get(a);
                boolean[] allowed = builders.get(i).mask(vocabulary);
                int id = choose(logits, a * vocabulary.size(), allowed);
                builders.get(i).accept(vocabulary.get(id));
                actions.get(i).add(id);
                masks.get(i).add(allowed);
                if (!(vocabulary.get(id) instanceof Token.End)) {
                    still.add(i);
                }
            }
            active = still;
        }
        List<Episode> episodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] ids = actions.get(i).stream().mapToInt(Integer::intValue).toArray();
            episodes.add(new Episode(ids, masks.get(i).toArray(new boolean[0][]), builders.get(i).result()));
        }
        return episodes;
    }

    /** The logits for the next token of each active formula, (active × vocabulary) row-major. */
    private float[] lastLogits(List<List<Integer>> actions, List<Integer> active, int written) {
        int steps = written + 1;
        long[] ids = new long[active.size() * steps];
        for (int a = 0; a < active.size(); a++) {
            List<Integer> row = actions.get(active.get(a));
            ids[a * steps] = net.startToken();
            for (int t = 0; t < written; t++) {
                ids[a * steps + t + 1] = row.get(t);
            }
        }
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray in = scope.create(ids, new Shape(active.size(), steps));
            NDArray logits = net.forward(new ParameterStore(scope, false), new NDList(in), false).singletonOrThrow();
            return logits.get(new NDIndex(":, -1, :")).toFloatArray();
        }
    }

    /** A token drawn from the softmax of the allowed tokens' logits (the others are −∞). */
    private int choose(float[] logits, int offset, boolean[] allowed) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < allowed.length; v++) {
            if (allowed[v]) {
                max = Math.max(max, logits[offset + v]);
            }
        }
        double[] weights = new double[allowed.length];
        double total = 0;
        int last = -1;
        for (int v = 0; v < allowed.length; v++) {
            if (allowed[v]) {
                weights[v] = Math.exp(logits[offset + v] - max);
                total += weights[v];
                last = v;
            }
        }
        if (last < 0) {
            throw new IllegalStateException("The mask allows no token: the formula cannot be completed");
        }
        double r = random.nextDouble() * total;
        for (int v = 0; v < allowed.length; v++) {
            if (allowed[v]) {
                r -= weights[v];
                if (r < 0) {
                    return v;
                }
            }
        }
        return last;
    }

    /**
     * One REINFORCE step: raises the log-probability of each episode's tokens in proportion to its
     * advantage, plus the entropy bonus, with the gradients clipped.
     */
    Step update(List<Episode> episodes, double[] advantages) {
        return Torch.withoutGradients(() -> reinforce(episodes, advantages));
    }

    private Step reinforce(List<Episode> episodes, double[] advantages) {
        int batch = episodes.size();
        int steps = episodes.stream().mapToInt(Episode::length).max().orElseThrow();
        int size = vocabulary.size();
        long[] inputs = new long[batch * steps];
        long[] targets = new long[batch * steps];
        float[] taken = new float[batch * steps];
        float[] refused = new float[batch * steps * size];
        float[] weights = new float[batch];
        int tokens = 0;
        for (int b = 0; b < batch; b++) {
            Episode e = episodes.get(b);
            weights[b] = (float) advantages[b];
            for (int t = 0; t < steps; t++) {
                int at = b * steps + t;
                inputs[at] = t == 0 || t >= e.length() ? net.startToken() : e.actions()[t - 1];
                if (t < e.length()) {
                    targets[at] = e.actions()[t];
                    taken[at] = 1;
                    tokens++;
                    boolean[] allowed = e.allowed()[t];
                    for (int v = 0; v < size; v++) {
                        refused[at * size + v] = allowed[v] ? 0 : BLOCKED;
                    }
                }
            }
        }
        try (NDManager scope = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            float loss;
            float entropy;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray logits = net.forward(ps, new NDList(scope.create(inputs, new Shape(batch, steps))), true)
                        .singletonOrThrow();
                NDArray logP = logits.add(scope.create(refused, new Shape(batch, steps, size))).logSoftmax(2);
                NDArray step = scope.create(taken, new Shape(batch, steps));
                NDArray chosen = logP.mul(scope.create(targets, new Shape(batch, steps)).oneHot(size)).sum(new int[] {2});
                NDArray sequence = chosen.mul(step).sum(new int[] {1});
                NDArray perToken = logP.exp().mul(logP).sum(new int[] {2}).neg().mul(step);
                NDArray meanEntropy = perToken.sum().div(scope.create((float) tokens));
                NDArray objective = sequence.mul(scope.create(weights)).sum().div(scope.create((float) batch))
                        .add(meanEntropy.mul(scope.create(config.entropyCoefficient())));
                NDArray minimised = objective.neg();
                collector.backward(minimised);
                loss = minimised.getFloat();
                entropy = meanEntropy.getFloat();
            }
            float norm = GradientClipping.clipAndUpdate(net.getParameters().values(), scope, optimizer, config.clipNorm());
            return new Step(loss, entropy, norm);
        }
    }

    /** The native arrays the model's manager holds between batches: for leak checks. */
    int liveArrays() {
        return model.getNDManager().getManagedArrays().size();
    }

    @Override
    public void close() {
        model.close();
    }
}
