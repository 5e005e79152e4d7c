package com.alphaquant.factor.mining;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.mine.AlphaMining;
import com.alphaquant.alpha.mine.Miner;
import com.alphaquant.alpha.mine.MiningReport;
import com.alphaquant.alpha.mine.MiningSetup;
import com.alphaquant.alpha.mine.MiningTask;
import com.alphaquant.factor.FactorProperties;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.mined.MinedFormulaStore;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.jobs.JobWorker;
import com.alphaquant.support.panel.PanelSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs mining jobs one at a time per replica (a run keeps the cores busy) with service-support's
 * job worker: claims, heartbeats and the attempt cap — a job whose replica stopped is mined again
 * from its stored request (seed included, so to the same pool) by any replica. The pool's
 * formulas are stored in the transaction that ends the job, so a job either succeeded with its
 * formulas or did not happen.
 */
@Component
public class MiningWorker implements JobWorker.Jobs {

    private static final Logger log = LoggerFactory.getLogger(MiningWorker.class);

    private final MiningJobStore jobs;
    private final MinedFormulaStore formulas;
    private final FactorComputer computer;
    private final PanelSource bars;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final FactorProperties properties;
    private final JobWorker worker;

    public MiningWorker(MiningJobStore jobs, MinedFormulaStore formulas, FactorComputer computer, PanelSource bars,
                        TransactionTemplate tx, JsonMapper json, FactorProperties properties, MeterRegistry meters) {
        this.jobs = jobs;
        this.formulas = formulas;
        this.computer = computer;
        this.bars = bars;
        this.tx = tx;
        this.json = json;
        this.properties = properties;
        this.worker = new JobWorker("mining", jobs.queue(), this, 1, properties.miningStaleAfter(), properties.miningMaxAttempts(),
                meters);
    }

    @Scheduled(fixedDelayString = "${alphaquant.factor.mining-poll-interval:1s}")
    public void poll() {
        if (properties.miningPolling()) {
            worker.poll();
        }
    }

    @Override
    public void run(JobQueue.Claim claim) {
        MiningJobRecord job = jobs.find(claim.jobId()).orElseThrow(() -> new IllegalStateException("Job " + claim.jobId() + " vanished"));
        MineRequest request = json.readValue(job.request(), MineRequest.class);
        Miner miner = AlphaMining.miner(request.method()); // refuses a method this replica's build lacks
        MiningProgressWriter progress = new MiningProgressWriter(jobs.queue(), claim, json);
        try {
            progress.phase("loading data", 0);
            List<TsCode> codes = request.tsCodes().isEmpty()
                    ? bars.securities().stream().map(PanelSource.Security::code).toList()
                    : request.tsCodes().stream().map(TsCode::of).toList();
            log.info("Mining job {}: {} over {} stocks, {} to {}, budget {}, seed {}", job.id(), request.method(), codes.size(),
                    request.startDate(), request.endDate(), request.budget(), request.seed());
            MiningSetup setup = request.setup();
            // The service's own panel: the factor engine's run with its warm-up history, as the 24 factors are served.
            ScoringContext context = AlphaMining.context(AlphaPanel.of(computer.run(codes, request.startDate(), request.endDate())),
                    setup);
            progress.miningStarts();
            MiningReport report = AlphaMining.mine(miner, new MiningTask(context, request.budget(), request.seed(),
                    request.maxCorrelation(), request.poolSize(), request.maxTokens()), setup, progress);
            progress.phase("storing", 99);
            MinedFormulas found = MinedFormulas.of(report, request.tsCodes(), job.id(), json);
            String message = found.records().isEmpty() ? "No formula passed the screen: the pool is empty" : null;
            int added = tx.execute(s -> {
                int n = formulas.addAll(found.records());
                jobs.succeed(claim, json.writeValueAsString(found.result()), message);
                return n;
            });
            log.info("Mining job {}: {} evaluated, pool of {} ({} new), test IC {}", job.id(), report.evaluated(),
                    found.records().size(), added, report.pool().test().ic());
        } catch (RuntimeException e) {
            if (!MiningCancelledException.isCause(e)) {
                throw e;
            }
            jobs.queue().cancelled(claim);
            log.info("Mining job {} cancelled", job.id());
        }
    }

    @Override
    public void failed(JobQueue.Claim claim, Throwable e) {
        // Bad input that passed submission (a range without training sessions, a miner this replica lacks).
        jobs.queue().fail(claim, e, e instanceof IllegalArgumentException, "Mining");
    }

    @Override
    public void exhausted(UUID id, String message) {
        jobs.queue().failExhausted(id, properties.miningStaleAfter(), message);
    }

    @PreDestroy
    void stop() {
        worker.close();
    }
}
