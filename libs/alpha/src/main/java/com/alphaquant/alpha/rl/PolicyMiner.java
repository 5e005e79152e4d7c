package com.alphaquant.alpha.rl;

import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.Vocabulary;
import com.alphaquant.alpha.mine.Miner;
import com.alphaquant.alpha.mine.MiningProgress;
import com.alphaquant.alpha.mine.MiningResult;
import com.alphaquant.alpha.mine.MiningTask;
import com.alphaquant.alpha.mine.PoolCurator;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Mines formulas with a policy that writes them ({@link Policy}: a causal transformer over RPN
 * tokens with invalid-action masking), trained by REINFORCE on the pool's IC gain.
 *
 * <p>Each batch of sampled formulas is offered to the {@link PoolCurator}, formula by formula; a
 * formula's reward is the pool's training-IC gain when taken and −{@link PolicyConfig#rejectionPenalty}
 * when refused. A formula sampled again (same canonical form, {@code Expr.key()}) is not
 * evaluated again and gets the reward it had, so the budget counts distinct formulas. The
 * advantage is the reward against a moving-average baseline ({@link Advantages}).
 * The run ends when the budget is spent, or when the last {@link #PATIENCE} batches together held
 * fewer new formulas than one batch has samples: the policy has settled on formulas it has
 * already written, and sampling on would only spend time.
 */
public final class PolicyMiner implements Miner {

    public static final String METHOD = "rl";
    static final int PATIENCE = 20;

    private final PolicyConfig config;

    public PolicyMiner() {
        this(PolicyConfig.defaults());
    }

    public PolicyMiner(PolicyConfig config) {
        this.config = config;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public MiningResult mine(MiningTask task, MiningProgress progress) {
        return mine(task, progress, batch -> {
        });
    }

    /** A batch's figures, for watching the policy learn; {@code baseline} is the one before it (NaN for the first). */
    record BatchStats(int index, double meanReward, int newFormulas, double baseline, Policy.Step step) {
    }

    MiningResult mine(MiningTask task, MiningProgress progress, Consumer<BatchStats> onBatch) {
        long start = System.nanoTime();
        PoolCurator curator = new PoolCurator(task);
        Map<String, Double> rewards = new HashMap<>();
        Advantages advantages = new Advantages(config.baselineDecay());
        ArrayDeque<Integer> recent = new ArrayDeque<>();
        int recentFresh = 0;
        try (Policy policy = new Policy(Vocabulary.standard(), task.maxTokens(), config, task.seed())) {
            for (int index = 0; curator.evaluated() < task.budget(); index++) {
                List<Episode> batch = policy.sample(config.batchSize());
                double[] reward = new double[batch.size()];
                int fresh = 0;
                for (int i = 0; i < batch.size() && curator.evaluated() < task.budget(); i++) {
                    Expr formula = batch.get(i).formula();
                    Double known = rewards.get(formula.key());
                    if (known == null) {
                        PoolCurator.Offer offer = curator.offer(formula);
                        known = offer.accepted() ? offer.gain() : -config.rejectionPenalty();
                        rewards.put(formula.key(), known);
                        fresh++;
                    }
                    reward[i] = known;
                }
                progress.update(curator.status());
                recent.addLast(fresh);
                recentFresh += fresh - (recent.size() > PATIENCE ? recent.removeFirst() : 0);
                if (curator.evaluated() >= task.budget() // a last update would teach a policy nobody uses
                        || recent.size() == PATIENCE && recentFresh < config.batchSize()) {
                    break;
                }
                double baseline = advantages.baseline();
                Policy.Step step = policy.update(batch, advantages.of(reward));
                onBatch.accept(new BatchStats(index, mean(reward), fresh, baseline, step));
            }
        }
        return curator.result(METHOD, Duration.ofNanos(System.nanoTime() - start));
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}
