package com.alphaquant.bench.alpha;

import com.alphaquant.alpha.compute.Evaluator;
import com.alphaquant.alpha.evaluation.AlphaPool;
import com.alphaquant.alpha.evaluation.FormulaScorer;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FormulaGenerator;
import com.alphaquant.alpha.mine.AlphaMining;
import com.alphaquant.alpha.mine.GpMiner;
import com.alphaquant.alpha.mine.MiningProgress;
import com.alphaquant.alpha.mine.MiningResult;
import com.alphaquant.alpha.mine.MiningSetup;
import com.alphaquant.alpha.mine.MiningTask;
import com.alphaquant.bench.model.Table;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.model.dataset.BundledDataset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Formulas evaluated and scored per second on the 300-stock sample (train 2018–2020, 20-session
 * label): {@link FormulaScorer#screen} of generated formulas of up to 15 tokens against a pool
 * of 10, with the evaluator's cache of shared subtrees cleared before each formula (cold) and
 * kept across them (warm), the same on every core (a scorer per thread), then a genetic run,
 * whose children share most of their subtrees
 * with their parents and which also tries each screened formula in the pool. One thread, after
 * a warm-up of the JIT. Each rate is given per second of wall time and per second of this
 * thread's CPU time: on a shared machine the second is what the code does, the first what the
 * machine gave it.
 *
 * <pre>./alphaquant bench alpha [formulas (1000)] [gp budget (1000)]</pre>
 */
public final class AlphaBench {

    private static final int MAX_TOKENS = 15;

    /** Where screened figures go, so that the JIT cannot drop the work. */
    private static volatile double sink;

    private AlphaBench() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int budget = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long t0 = System.nanoTime();
        ScoringContext context = AlphaMining.context(BarCsv.read(SampleData.file(BundledDataset.DEFAULT_BARS)),
                BarCsv.read(SampleData.file(SampleData.INDEX)), MiningSetup.defaults(), 2);
        System.out.printf("panel: %d stocks, %d sessions, %d rows, built in %.1f s; %d cores%n", context.panel().stockCount(),
                context.panel().dayCount(), context.panel().rows(), (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());

        Evaluator evaluator = new Evaluator(context.panel());
        FormulaScorer scorer = new FormulaScorer(context, evaluator);
        AlphaPool pool = new AlphaPool(context);
        FormulaGenerator members = new FormulaGenerator(99, MAX_TOKENS);
        while (pool.size() < 10) {
            Expr f = members.next();
            pool.add(f, scorer.values(f));
        }
        screen(scorer, evaluator, pool, formulas(7, 300), true); // JIT warm-up
        List<Expr> formulas = formulas(1, count);
        double tokens = formulas.stream().mapToInt(Expr::size).average().orElse(0);

        Table table = new Table();
        table.row("formulas timed", "%d, %.1f tokens on average (at most %d)", count, tokens, MAX_TOKENS);
        long hits = evaluator.cacheHits();
        Rate cold = screen(scorer, evaluator, pool, formulas, true);
        table.row("screen, cache cold (cleared per formula)", "%s", cold);
        hits = evaluator.cacheHits() - hits;
        long warmHits = evaluator.cacheHits();
        Rate warm = screen(scorer, evaluator, pool, formulas, false);
        warmHits = evaluator.cacheHits() - warmHits;
        table.row("screen, cache warm (kept across formulas)", "%s; %.2f cached nodes read per formula (cold %.2f)",
                warm, warmHits / (double) count, hits / (double) count);

        int threads = Runtime.getRuntime().availableProcessors();
        table.row("screen, " + threads + " threads, one evaluator each, warm", "%.0f formulas/s wall",
                parallel(context, pool, formulas, threads));

        Clock clock = new Clock();
        MiningResult gp = new GpMiner().mine(MiningTask.of(context, budget, 42), MiningProgress.NONE);
        table.row("gp run (screen + pool trial, warm cache)", "%s; pool of %d", clock.rate(gp.evaluated()),
                gp.pool().formulas().size());
        table.print(System.out);
    }

    /** Formulas per second of wall time, the list dealt out to {@code threads} scorers (the pool is only read). */
    private static double parallel(ScoringContext context, AlphaPool pool, List<Expr> formulas, int threads) {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Object>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(() -> {
                    FormulaScorer scorer = new FormulaScorer(context);
                    for (int i = first; i < formulas.size(); i += threads) {
                        sink = scorer.screen(formulas.get(i), pool).coverage();
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Object> done : executor.invokeAll(parts)) {
                done.get();
            }
            return formulas.size() / ((System.nanoTime() - start) / 1e9);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            executor.shutdown();
        }
    }

    private static List<Expr> formulas(long seed, int count) {
        FormulaGenerator generator = new FormulaGenerator(seed, MAX_TOKENS);
        List<Expr> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generator.next());
        }
        return out;
    }

    /** Formulas per second of wall time and of CPU time. */
    private record Rate(int formulas, double wallSeconds, double cpuSeconds) {
        @Override
        public String toString() {
            return String.format("%.0f formulas/s wall, %.0f per CPU second (%d in %.1f s, %.1f s CPU)", formulas / wallSeconds,
                    formulas / cpuSeconds, formulas, wallSeconds, cpuSeconds);
        }
    }

    /** Wall and this thread's CPU time since it was made. */
    private static final class Clock {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long wall = System.nanoTime();
        private final long cpu = threads.getCurrentThreadCpuTime();

        Rate rate(int formulas) {
            return new Rate(formulas, (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
    }

    private static Rate screen(FormulaScorer scorer, Evaluator evaluator, AlphaPool pool, List<Expr> formulas, boolean cold) {
        evaluator.clear();
        Clock clock = new Clock();
        for (Expr f : formulas) {
            if (cold) {
                evaluator.clear();
            }
            sink = scorer.screen(f, pool).coverage();
        }
        return clock.rate(formulas.size());
    }
}
