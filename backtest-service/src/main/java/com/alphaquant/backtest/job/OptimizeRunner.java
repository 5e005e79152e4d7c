package com.alphaquant.backtest.job;

import com.alphaquant.backtest.data.MarketData;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.model.ModelServiceClient;
import com.alphaquant.backtest.model.RemotePredictions;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.store.Claim;
import com.alphaquant.backtest.store.GridPointRecord;
import com.alphaquant.backtest.store.GridStore;
import com.alphaquant.backtest.store.JobRecord;
import com.alphaquant.backtest.store.JobStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one claimed optimisation job: loads the bars once (0–10 %), runs the grid's points on the
 * optimizer threads, storing each point as it finishes (10–99 %; a resumed job runs only the
 * missing ones), then marks the job SUCCEEDED with the best point's figures.
 */
@Component
class OptimizeRunner {

    private final JobStore jobs;
    private final GridStore grid;
    private final MarketData marketData;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final int maxGridPoints;
    private final ModelServiceClient models;

    OptimizeRunner(JobStore jobs, GridStore grid, MarketData marketData, TransactionTemplate tx, JsonMapper json,
                   com.alphaquant.backtest.BacktestProperties properties, ModelServiceClient models) {
        this.models = models;
        this.jobs = jobs;
        this.grid = grid;
        this.marketData = marketData;
        this.tx = tx;
        this.json = json;
        this.maxGridPoints = properties.maxGridPoints();
    }

    void run(Claim claim, JobRecord job, ExecutorService pool) throws InterruptedException {
        ParameterGrid.Plan plan = ParameterGrid.plan(json.readValue(job.parameters(), OptimizeRequest.class), maxGridPoints);
        ProgressTracker progress = new ProgressTracker(jobs, claim);
        progress.set(0);
        // Predictions depend on the day only, not on a point's parameters: every point shares the base's.
        RemotePredictions predictions = plan.base().modelId() == null ? null : models.predictions(plan.base().modelId());
        MarketData.Loaded data = marketData.load(plan.base().spec(), plan.base().weights(), f -> progress.set(10 * f));
        BarPanel panel = data.panel();
        Set<Integer> done = grid.done(claim.jobId());
        int total = plan.points().size();
        AtomicInteger finished = new AtomicInteger(done.size());
        List<Future<?>> running = new ArrayList<>();
        for (ParameterGrid.Point point : plan.points()) {
            if (done.contains(point.number())) {
                continue;
            }
            running.add(pool.submit(() -> {
                ParsedRequest request = point.request();
                BacktestResult r = new BacktestEngine(panel, request.spec().config()).run(request.newStrategy(panel, data.membership(), predictions));
                grid.save(claim.jobId(), new GridPointRecord(point.number(), json.writeValueAsString(point.values()),
                        json.writeValueAsString(Figures.metrics(r)), r.finalEquity(), r.fills().size(), r.rejections().size()));
                progress.set(10 + 89.0 * finished.incrementAndGet() / total);
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            running.forEach(f -> f.cancel(true));
        }
        List<GridPointRecord> points = grid.points(claim.jobId());
        GridPointRecord best = Ranking.rank(points, plan.objective(), json).get(0).point();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("objective", plan.objective().label());
        run.put("points", total);
        run.put("bestPoint", best.point());
        run.put("universeSize", panel.stockCount());
        run.put("bars", data.bars());
        run.put("barSource", data.source());
        if (predictions != null) {
            run.put("model", predictions.describe());
        }
        String runInfo = json.writeValueAsString(run);
        String counts = json.writeValueAsString(Map.of("points", points.size()));
        tx.executeWithoutResult(s -> jobs.succeed(claim, best.metrics(), counts, runInfo, BacktestEngine.VERSION));
    }
}
