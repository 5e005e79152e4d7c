package com.alphaquant.alpha.rl;

import com.alphaquant.alpha.expr.Vocabulary;
import com.alphaquant.alpha.mine.Miner;
import com.alphaquant.alpha.mine.MiningProgress;
import com.alphaquant.alpha.mine.MiningResult;
import com.alphaquant.alpha.mine.MiningTask;
import com.alphaquant.alpha.mine.PoolCurator;
import java.time.Duration;
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
 * advantage is the reward minus a moving-average baseline, divided by a moving root mean square of
 * that difference (at least {@link #SPREAD_FLOOR}), so that the step does not depend on the scale
 * of IC, which shrinks as the pool fills.
 * The run ends when the budget is spent, or after {@link #PATIENCE} batches in a row that held no
 * new formula (the policy has settled on formulas it has already written).
 */
public final class PolicyMiner implements Miner {

    public static final String METHOD = "rl";
    static final int PATIENCE = 20;
    static final double SPREAD_FLOOR = 1e-4;

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

    /** A batch's figures, for watching the policy learn. */
    record BatchStats(int index, double meanReward, int newFormulas, double baseline, Policy.Step step) {
    }

    MiningResult mine(MiningTask task, MiningProgress progress, Consumer<BatchStats> onBatch) {
        long start = System.nanoTime();
        PoolCurator curator = new PoolCurator(task);
        Map<String, Double> rewards = new HashMap<>();
        double baseline = Double.NaN;
        double spread = Double.NaN;
        int idle = 0;
        try (Policy policy = new Policy(Vocabulary.standard(), task.maxTokens(), config, task.seed())) {
            for (int index = 0; curator.evaluated() < task.budget() && idle < PATIENCE; index++) {
                List<Episode> batch = policy.sample(config.batchSize());
                double[] reward = new double[batch.size()];
                int fresh = 0;
                for (int i = 0; i < batch.size(); i++) {
                    String key = batch.get(i).formula().key();
                    Double known = rewards.get(key);
                    if (known == null) {
                        if (curator.evaluated() >= task.budget()) {
                            break; // the budget is spent: this batch would teach a policy nobody uses
                        }
                        PoolCurator.Offer offer = curator.offer(batch.get(i).formula());
                        known = offer.accepted() ? offer.gain() : -config.rejectionPenalty();
                        rewards.put(key, known);
                        fresh++;
                    }
                    reward[i] = known;
                }
                progress.update(curator.status());
                if (curator.evaluated() >= task.budget()) {
                    break;
                }
                idle = fresh == 0 ? idle + 1 : 0;
                double mean = mean(reward);
                baseline = Double.isNaN(baseline) ? mean : baseline;
                double square = meanSquare(reward, baseline);
                spread = Double.isNaN(spread) ? square : spread;
                double scale = Math.max(Math.sqrt(spread), SPREAD_FLOOR);
                double[] advantage = new double[reward.length];
                for (int i = 0; i < reward.length; i++) {
                    advantage[i] = (reward[i] - baseline) / scale;
                }
                Policy.Step step = policy.update(batch, advantage);
                onBatch.accept(new BatchStats(index, mean, fresh, baseline, step));
                double decay = config.baselineDecay();
                baseline = decay * baseline + (1 - decay) * mean;
                spread = decay * spread + (1 - decay) * square;
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

    private static double meanSquare(double[] v, double around) {
        double sum = 0;
        for (double x : v) {
            sum += (x - around) * (x - around);
        }
        return sum / v.length;
    }
}
