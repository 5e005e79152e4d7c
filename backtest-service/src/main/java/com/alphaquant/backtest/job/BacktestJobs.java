package com.alphaquant.backtest.job;

import com.alphaquant.backtest.BacktestProperties;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.model.ModelServiceClient;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.store.JobRecord;
import com.alphaquant.backtest.store.JobStore;
import com.alphaquant.support.web.BadRequestException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits backtest and optimisation jobs: the request is checked in full (a bad one never becomes
 * a job), stored with its defaults filled in (the configured {@code alphaquant.backtest.defaults}
 * first), its model (if any) checked with model-service, and left QUEUED for a {@link JobWorker} to claim.
 */
@Service
public class BacktestJobs {

    private final JobStore jobs;
    private final JsonMapper json;
    private final int maxGridPoints;
    private final BacktestProperties.RunDefaults defaults;
    private final ModelServiceClient models;

    public BacktestJobs(JobStore jobs, JsonMapper json, BacktestProperties properties, ModelServiceClient models) {
        this.jobs = jobs;
        this.models = models;
        this.json = json;
        this.maxGridPoints = properties.maxGridPoints();
        this.defaults = properties.defaults();
    }

    public UUID submit(BacktestRequest request) {
        ParsedRequest parsed = RequestParser.parse(request == null ? null : request.withDefaults(defaults));
        requireModel(parsed);
        UUID id = UUID.randomUUID();
        jobs.insert(id, JobRecord.BACKTEST, parsed.spec().strategy(), parsed.spec().start(), parsed.spec().end(),
                json.writeValueAsString(parsed.normalized()), BacktestEngine.VERSION);
        return id;
    }

    public UUID submit(OptimizeRequest request) {
        OptimizeRequest configured = request == null || request.base() == null ? request
                : new OptimizeRequest(request.base().withDefaults(defaults), request.ranges(), request.objective());
        ParameterGrid.Plan plan = ParameterGrid.plan(configured, maxGridPoints);
        requireModel(plan.base());
        UUID id = UUID.randomUUID();
        jobs.insert(id, JobRecord.OPTIMIZE, plan.base().spec().strategy(), plan.base().spec().start(), plan.base().spec().end(),
                json.writeValueAsString(plan.normalized()), BacktestEngine.VERSION);
        return id;
    }

    /** A named model must exist when the job is submitted: a typo is a 400 now, not a failed job later. */
    private void requireModel(ParsedRequest parsed) {
        UUID model = parsed.modelId();
        if (model != null && models.name(model).isEmpty()) {
            throw new BadRequestException(BacktestSpec.Param.MODEL.field(), "model-service has no model " + model
                    + " (GET /api/models lists them)");
        }
    }

    public Optional<JobRecord> find(UUID id) {
        return jobs.find(id);
    }

    /** The latest {@code limit} jobs of a kind ({@link JobRecord#BACKTEST} or {@link JobRecord#OPTIMIZE}), newest first. */
    public List<JobRecord> latest(String kind, int limit) {
        return jobs.latest(kind, limit);
    }
}
