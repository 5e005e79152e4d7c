package com.alphaquant.alpha.mine;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.evaluation.DayRange;
import com.alphaquant.alpha.evaluation.DaySplits;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.market.Bar;
import com.alphaquant.model.dataset.BundledDataset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Mining from bars to a report: the scoring context of a date range ({@link MiningSetup}), the
 * miner, and the baselines the pool is compared with. What the CLI's {@code mine} and the
 * service's mining job call.
 */
public final class AlphaMining {

    /** The version of the formula language, evaluator and miners; recorded with every result. */
    public static final String VERSION = "alpha-1";

    private AlphaMining() {
    }

    /**
     * The context of {@code stockBars} up to {@code setup.end()}, training from
     * {@code setup.start()}, with the sample's calendar, listings, ST history and northbound flow
     * ({@link BundledDataset#panelInput(Collection, Collection)}).
     */
    public static ScoringContext context(Collection<Bar> stockBars, Collection<Bar> indexBars, MiningSetup setup,
                                         int parallelism) {
        List<Bar> read = setup.end() == null ? List.copyOf(stockBars)
                : stockBars.stream().filter(b -> !b.tradeDate().isAfter(setup.end())).toList();
        if (read.isEmpty()) {
            throw new IllegalArgumentException("No stock bars up to " + setup.end());
        }
        return context(AlphaPanel.compute(BundledDataset.panelInput(read, indexBars), parallelism), setup);
    }

    /**
     * The context of a panel that holds no bar after {@code setup.end()} (factor-service's, with
     * its warm-up history): training from {@code setup.start()}, earlier bars read as history only.
     */
    public static ScoringContext context(AlphaPanel panel, MiningSetup setup) {
        DaySplits splits = DaySplits.of(panel, setup.validStart(), setup.testStart(), setup.horizon());
        if (setup.start() != null) {
            int first = Arrays.binarySearch(panel.sessions(), DateInts.of(setup.start()));
            first = first >= 0 ? first : -first - 1;
            if (first >= splits.train().to()) {
                throw new IllegalArgumentException("No training day from " + setup.start() + " before " + setup.validStart());
            }
            splits = new DaySplits(splits.horizon(), new DayRange(first, splits.train().to()), splits.valid(), splits.test());
        }
        return new ScoringContext(panel, splits);
    }

    /**
     * The miner called {@code method}: {@code gp} ({@link GpMiner}) or {@code rl} (the policy
     * miner, {@value #POLICY_MINER}, when it is on the class path).
     *
     * @throws IllegalArgumentException for an unknown method, or one whose miner is not here
     */
    public static Miner miner(String method) {
        return switch (method) {
            case "gp" -> new GpMiner();
            case "rl" -> byClassName(POLICY_MINER, method);
            default -> throw new IllegalArgumentException("Unknown mining method '" + method + "': expected gp or rl");
        };
    }

    /** The policy-gradient miner's class, found by name so that this module need not depend on its engine. */
    public static final String POLICY_MINER = "com.alphaquant.alpha.rl.PolicyMiner";

    private static Miner byClassName(String className, String method) {
        try {
            return (Miner) Class.forName(className).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Mining method '" + method + "' is not available in this build (" + className
                    + " is not on the class path); use gp");
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Cannot create the " + method + " miner " + className + ": " + e, e);
        }
    }

    /** Runs {@code miner} on the task and measures the baselines on the same context. */
    public static MiningReport mine(Miner miner, MiningTask task, MiningSetup setup, MiningProgress progress) {
        MiningResult result = miner.mine(task, progress);
        return MiningReport.of(result, task, setup, Baselines.of(task.context()));
    }
}
