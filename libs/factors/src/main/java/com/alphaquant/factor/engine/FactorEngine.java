package com.alphaquant.factor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes factors for a panel, stock by stock: each stock's bars are loaded into a worker's
 * buffers ({@link StockWork}) and every factor's kernel runs over them while they are in cache.
 * Stocks are independent, so workers take them in small batches from a shared counter (cheap,
 * and balanced when stocks have very different lengths).
 */
public final class FactorEngine {

    /** Part of cache keys: change it whenever any factor's values can change. */
    public static final String VERSION = "factors-2";

    private static final int BATCH = 8;

    private final List<FactorDefinition> factors;
    private final int parallelism;

    /** All 24 factors, on all available processors. */
    public FactorEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public FactorEngine(int parallelism) {
        this(FactorRegistry.all(), parallelism);
    }

    /** Only {@code factors}, in that order (e.g. {@code FactorRegistry.select(...)}). */
    public FactorEngine(List<FactorDefinition> factors, int parallelism) {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("A factor engine needs at least one factor");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, got " + parallelism);
        }
        this.factors = List.copyOf(factors);
        this.parallelism = parallelism;
    }

    public List<FactorDefinition> factors() {
        return factors;
    }

    /** Every factor for every stock, held in memory (24 × 8 bytes per stock-day). */
    public FactorPanel compute(PanelInput input) {
        int k = factors.size();
        double[][][] values = new double[k][input.stocks().size()][];
        run(input, (work, stock) -> {
            double[][] out = new double[k][];
            for (int f = 0; f < k; f++) {
                out[f] = new double[work.n];
                values[f][stock] = out[f];
            }
            computeLoaded(work, out);
        });
        return new FactorPanel(factors, input.stocks(), values);
    }

    /**
     * Streams each stock's factors to {@code sink} instead of holding the panel: for panels whose
     * factors do not fit in memory, or that go straight to storage.
     */
    public void forEachStock(PanelInput input, FactorSink sink) {
        run(input, (work, stock) -> {
            double[][] out = work.outputs(factors.size());
            computeLoaded(work, out);
            sink.accept(stock, work.series, out);
        });
    }

    private void computeLoaded(StockWork work, double[][] out) {
        for (int f = 0; f < factors.size(); f++) {
            factors.get(f).kernel().compute(work, out[f]);
        }
    }

    private interface StockTask {
        void run(StockWork loaded, int stock);
    }

    private void run(PanelInput input, StockTask task) {
        MarketContext market = new MarketContext(input);
        List<StockSeries> stocks = input.stocks();
        int capacity = input.maxRows();
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            StockWork work = new StockWork(capacity, market);
            for (int from = next.getAndAdd(BATCH); from < stocks.size(); from = next.getAndAdd(BATCH)) {
                for (int s = from; s < Math.min(from + BATCH, stocks.size()); s++) {
                    work.load(stocks.get(s));
                    task.run(work, s);
                }
            }
            return null;
        };
        int workers = Math.min(parallelism, (stocks.size() + BATCH - 1) / BATCH);
        if (workers <= 1) {
            call(worker);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(workers);
        try {
            List<Callable<Void>> all = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                all.add(worker);
            }
            for (Future<Void> done : pool.invokeAll(all)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Factor computation interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void call(Callable<Void> worker) {
        try {
            worker.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("Factor computation failed", t);
    }
}
