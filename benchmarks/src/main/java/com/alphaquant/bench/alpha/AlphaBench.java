package com.alphaquant.bench.alpha;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.evaluation.AlphaPool;
import com.alphaquant.alpha.evaluation.DaySplits;
import com.alphaquant.alpha.evaluation.FormulaScorer;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FormulaGenerator;
import com.alphaquant.bench.model.ProcessStats;
import com.alphaquant.bench.model.Table;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.model.dataset.BundledDataset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Formulas evaluated and scored per second on the bundled 300-stock sample (2018-01-02 to
 * 2022-12-20; train to 2020, valid 2021, test 2022, 20-session labels), random formulas of at
 * most 15 tokens from {@link FormulaGenerator}, each thread with its own scorer over one shared
 * panel. Printed: wall-clock formulas/s with all threads, and formulas per CPU-second (which the
 * machine's other load disturbs less); the load average says how busy the machine was.
 *
 * <ul>
 *   <li>evaluate: the formula's values over the whole panel;</li>
 *   <li>evaluate + screen: and its training IC, ICIR, coverage and largest correlation with the
 *       23 stock-varying built-ins and a 10-formula pool, what a miner runs on every candidate,
 *       in batches of 16 as it would screen a population; on the whole panel, and on the
 *       mining panel (bars to 2020-12-31 only: a miner never reads later data);</li>
 *   <li>full report: every split, with rank IC and turnover.</li>
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.alphaquant.bench.alpha.AlphaBench [formulas 400] [threads 2] [seed 1]
 * </pre>
 */
public final class AlphaBench {

    private static final LocalDate VALID_START = LocalDate.of(2021, 1, 1);
    private static final LocalDate TEST_START = LocalDate.of(2022, 1, 1);
    private static final int HORIZON = 20;
    private static final int MAX_TOKENS = 15;
    private static final int POOL = 10;
    /** Formulas a thread screens at once, as a miner screens a population. */
    private static final int BATCH = 16;

    private AlphaBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        String loadBefore = ProcessStats.loadAverage();

        List<Bar> bars = BarCsv.read(SampleData.file(SampleData.BARS_300));
        AlphaPanel full = AlphaPanel.compute(BundledDataset.panelInput(bars), threads);
        List<Bar> toTrainEnd = bars.stream().filter(b -> b.tradeDate().isBefore(VALID_START)).toList();
        AlphaPanel mining = AlphaPanel.compute(BundledDataset.panelInput(toTrainEnd), threads);
        ScoringContext fullContext = new ScoringContext(full, DaySplits.of(full, VALID_START, TEST_START, HORIZON));
        ScoringContext miningContext = new ScoringContext(mining, DaySplits.of(mining, VALID_START, TEST_START, HORIZON));

        FormulaGenerator generator = new FormulaGenerator(seed, MAX_TOKENS);
        List<Expr> formulas = new ArrayList<>();
        double tokens = 0;
        for (int i = 0; i < count; i++) {
            formulas.add(generator.next());
            tokens += formulas.get(i).size();
        }
        AlphaPool fullPool = pool(fullContext, seed);
        AlphaPool miningPool = pool(miningContext, seed);

        Table table = new Table();
        table.row("sample", "%d stocks, %d days, %,d stock-days (mining panel: %d days)", full.stockCount(),
                full.dayCount(), full.rows(), mining.dayCount());
        table.row("formulas", "%d random, at most %d tokens (mean %.1f), seed %d, %d threads on %d cores", count,
                MAX_TOKENS, tokens / count, seed, threads, Runtime.getRuntime().availableProcessors());
        measure(table, "evaluate, whole panel", fullContext, formulas, threads,
                (s, batch) -> batch.forEach(e -> s.evaluator().evaluate(e)));
        measure(table, "evaluate + screen, whole panel", fullContext, formulas, threads,
                (s, batch) -> s.screen(batch, fullPool));
        measure(table, "evaluate + screen, mining panel", miningContext, formulas, threads,
                (s, batch) -> s.screen(batch, miningPool));
        measure(table, "full report, whole panel", fullContext, formulas.subList(0, Math.min(count, 100)), threads,
                (s, batch) -> batch.forEach(e -> s.report(e, fullPool)));
        table.row("load average (1 min) before / after", "%s / %s", loadBefore, ProcessStats.loadAverage());
        table.row("peak heap", "%,d MiB", ProcessStats.peakHeapMiB());
        table.print(System.out);
    }

    /** A pool of formulas from another seed, so that screens measure their correlation with it. */
    private static AlphaPool pool(ScoringContext context, long seed) {
        FormulaScorer scorer = new FormulaScorer(context);
        FormulaGenerator generator = new FormulaGenerator(seed + 1_000, MAX_TOKENS);
        AlphaPool pool = new AlphaPool(context);
        for (int i = 0; i < POOL; i++) {
            Expr e = generator.next();
            pool.add(e, scorer.evaluator().evaluate(e));
        }
        return pool;
    }

    /** One untimed pass (the JIT's warm-up), then the formulas split among the threads. */
    private static void measure(Table table, String what, ScoringContext context, List<Expr> formulas, int threads,
                                BiConsumer<FormulaScorer, List<Expr>> task) throws Exception {
        run(context, formulas.subList(0, Math.min(formulas.size(), 50)), threads, task);
        long cpu = ProcessStats.cpuNanos();
        long start = System.nanoTime();
        run(context, formulas, threads, task);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ProcessStats.cpuNanos() - cpu) / 1e9;
        table.row(what, "%.0f formulas/s (%.0f per CPU-second)", formulas.size() / seconds, formulas.size() / cpuSeconds);
    }

    private static void run(ScoringContext context, List<Expr> formulas, int threads,
                            BiConsumer<FormulaScorer, List<Expr>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    FormulaScorer scorer = new FormulaScorer(context);
                    List<Expr> batch = new ArrayList<>();
                    for (int i = first; i < formulas.size(); i += threads) {
                        batch.add(formulas.get(i));
                        if (batch.size() == BATCH || i + threads >= formulas.size()) {
                            task.accept(scorer, batch);
                            batch.clear();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
