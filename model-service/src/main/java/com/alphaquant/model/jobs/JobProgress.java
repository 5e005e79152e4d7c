package com.alphaquant.model.jobs;

import static com.alphaquant.model.evaluation.TrainingRun.losses;

import com.alphaquant.model.train.Progress;
import com.alphaquant.model.train.ProgressListener;
import com.alphaquant.support.jobs.JobQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A training job's progress in its row — percent and detail at most once a second, every epoch's
 * losses as a point of the loss curves (and in the {@link TrainingLosses} gauges) — and its log
 * lines; each write also reads back whether the job's owner asked it to stop.
 */
final class JobProgress implements ProgressListener {

    private static final Logger log = LoggerFactory.getLogger(JobProgress.class);
    private static final long WRITE_EVERY_NANOS = 1_000_000_000L;

    private final TrainingJobStore jobs;
    private final JobQueue.Claim claim;
    private final JsonMapper json;
    private final TrainingLosses losses;
    private long writtenAt = System.nanoTime() - WRITE_EVERY_NANOS;
    private long epochStartedAt = System.nanoTime();
    private volatile boolean cancelled;

    JobProgress(TrainingJobStore jobs, JobQueue.Claim claim, JsonMapper json, TrainingLosses losses) {
        this.jobs = jobs;
        this.claim = claim;
        this.json = json;
        this.losses = losses;
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public void onStep(Progress p) {
        long now = System.nanoTime();
        if (now - writtenAt >= WRITE_EVERY_NANOS) {
            write(p);
            writtenAt = now;
        }
    }

    @Override
    public void onEpoch(Progress p) {
        write(p);
        long now = System.nanoTime();
        jobs.epoch(claim, new EpochRecord(p.epoch(), json.writeValueAsString(losses(p.trainLoss())),
                json.writeValueAsString(losses(p.validLoss())), p.learningRate(), (now - epochStartedAt) / 1e9));
        epochStartedAt = now;
        losses.epoch(p.trainLoss(), p.validLoss());
        log.info("Training job {}: epoch {}/{}, train {}, valid {}, {} samples/s", claim.jobId(), p.epoch(), p.epochs(),
                p.trainLoss(), p.validLoss(), Math.round(p.samplesPerSecond()));
    }

    private void write(Progress p) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("epoch", p.epoch());
        detail.put("epochs", p.epochs());
        detail.put("step", p.step());
        detail.put("stepsPerEpoch", p.stepsPerEpoch());
        detail.put("trainLoss", losses(p.trainLoss()));
        detail.put("validLoss", losses(p.validLoss()));
        detail.put("learningRate", p.learningRate());
        detail.put("samplesPerSecond", Math.round(p.samplesPerSecond()));
        detail.put("etaSeconds", p.eta() == null ? null : p.eta().toSeconds());
        // Below 100 until the model is scored, saved and registered.
        cancelled = !jobs.progress(claim, Math.min(99, 100 * p.fraction()), json.writeValueAsString(detail));
    }
}
