package com.alphaquant.backtest.job;

import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.events.BacktestCompleted;
import com.alphaquant.events.EventIds;
import com.alphaquant.events.Topics;
import com.alphaquant.backtest.store.JobRecord;
import java.time.Instant;
import java.util.Map;

/** The backtest.completed event of a job; its id is derived from the job and the outcome, so a re-run writes it once. */
final class JobEvents {

    private JobEvents() {
    }

    static BacktestCompleted completed(JobRecord job, String status, Map<String, Double> metrics) {
        return new BacktestCompleted(EventIds.of(Topics.BACKTEST_COMPLETED, job.id().toString(), status), BacktestCompleted.VERSION,
                Instant.now(), job.id().toString(), job.strategy(), job.startDate(), job.endDate(), status, metrics,
                BacktestEngine.VERSION);
    }
}
