package com.alphaquant.backtest.job;

import com.alphaquant.backtest.data.MarketData;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.model.ModelServiceClient;
import com.alphaquant.backtest.model.RemotePredictions;
import com.alphaquant.support.outbox.Outbox;
import com.alphaquant.backtest.store.Claim;
import com.alphaquant.backtest.store.JobRecord;
import com.alphaquant.backtest.store.JobStore;
import com.alphaquant.backtest.store.ResultStore;
import com.alphaquant.events.BacktestCompleted;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one claimed backtest job: loads its bars (0–40 %), runs the engine (40–95 %; a multi_factor
 * run naming a model asks model-service for each decision day's predictions), then in one
 * transaction stores equity, fills and rejections, marks the job SUCCEEDED with its figures and
 * writes backtest.completed to the outbox.
 */
@Component
class BacktestRunner {

    private final JobStore jobs;
    private final ResultStore results;
    private final MarketData marketData;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ModelServiceClient models;

    BacktestRunner(JobStore jobs, ResultStore results, MarketData marketData, Outbox outbox, TransactionTemplate tx, JsonMapper json,
                   ModelServiceClient models) {
        this.models = models;
        this.jobs = jobs;
        this.results = results;
        this.marketData = marketData;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
    }

    void run(Claim claim, JobRecord job) {
        ParsedRequest request = RequestParser.parse(json.readValue(job.parameters(), BacktestRequest.class));
        ProgressTracker progress = new ProgressTracker(jobs, claim);
        progress.set(0);
        RemotePredictions predictions = request.modelId() == null ? null : models.predictions(request.modelId());
        MarketData.Loaded data = marketData.load(request.spec(), request.weights(), f -> progress.set(40 * f));
        BacktestResult result = new BacktestEngine(data.panel(), request.spec().config())
                .run(request.newStrategy(data.panel(), data.membership(), predictions), (done, total) -> progress.set(40 + 55.0 * done / total));
        progress.set(95);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("firstDay", result.date(0).toString());
        run.put("lastDay", result.date(result.days() - 1).toString());
        run.put("tradingDays", result.days());
        run.put("universe", request.spec().universeLabel());
        run.put("universeSize", result.stockCount());
        run.put("bars", data.bars());
        run.put("barSource", data.source());
        if (predictions != null) {
            run.put("model", predictions.describe());
        }
        String metrics = json.writeValueAsString(Figures.metrics(result));
        String counts = json.writeValueAsString(Figures.counts(result));
        String runInfo = json.writeValueAsString(run);
        tx.executeWithoutResult(s -> {
            results.save(claim.jobId(), result);
            jobs.succeed(claim, metrics, counts, runInfo, BacktestEngine.VERSION);
            outbox.add(JobEvents.completed(job, "SUCCEEDED", Figures.eventMetrics(result)));
        });
    }

    /** The event of a backtest that failed, written with its FAILED state. */
    static BacktestCompleted failed(JobRecord job) {
        return JobEvents.completed(job, "FAILED", Map.of());
    }
}
