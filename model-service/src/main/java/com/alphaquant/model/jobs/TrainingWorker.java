package com.alphaquant.model.jobs;

import com.alphaquant.model.ModelProperties;
import com.alphaquant.model.data.ModelData;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetSpec;
import com.alphaquant.model.evaluation.TrainingRun;
import com.alphaquant.model.registry.ModelRecord;
import com.alphaquant.model.registry.ModelRegistry;
import com.alphaquant.model.train.DeviceChoice;
import com.alphaquant.model.train.DeviceUnavailableException;
import com.alphaquant.model.train.TrainOptions;
import com.alphaquant.model.train.TrainedModel;
import com.alphaquant.support.jobs.JobQueue;
import com.alphaquant.support.jobs.JobWorker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs training jobs one at a time per replica (PyTorch uses every core for one run) with
 * service-support's job worker: claims, heartbeats and the attempt cap — a job whose replica died
 * is trained again from its stored request by any replica. A finished run saves its parameters
 * under the model directory and registers the model in the same transaction that ends the job.
 */
@Component
public class TrainingWorker implements JobWorker.Jobs {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final TrainingJobStore jobs;
    private final ModelRegistry registry;
    private final ModelData data;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ModelProperties properties;
    private final JobWorker worker;
    private final TrainingLosses losses;

    public TrainingWorker(TrainingJobStore jobs, ModelRegistry registry, ModelData data, TransactionTemplate tx, JsonMapper json,
                          ModelProperties properties, MeterRegistry meters, TrainingLosses losses) {
        this.jobs = jobs;
        this.registry = registry;
        this.data = data;
        this.tx = tx;
        this.json = json;
        this.properties = properties;
        this.losses = losses;
        this.worker = new JobWorker("training", jobs.queue(), this, 1, properties.jobStaleAfter(), properties.maxAttempts(), meters);
    }

    @Scheduled(fixedDelayString = "${alphaquant.model.job-poll-interval:1s}")
    public void poll() {
        if (properties.jobPolling()) {
            worker.poll();
        }
    }

    @Override
    public void run(JobQueue.Claim claim) {
        TrainingJobRecord job = jobs.find(claim.jobId()).orElseThrow(() -> new IllegalStateException("Job " + claim.jobId() + " vanished"));
        TrainRequest request = json.readValue(job.request(), TrainRequest.class);
        log.info("Training job {}: building the {} dataset from {}", job.id(), request.preset(), data.describe());
        DatasetSpec spec = DatasetSpec.defaults().withSeqLen(request.seqLen()).withHorizon(request.horizon())
                .withDates(request.startDate(), request.endDate());
        Dataset dataset = data.build(spec, request.tsCodes());
        TrainOptions options = TrainOptions.builder().epochs(request.epochs()).batchSize(request.batchSize())
                .learningRate(request.learningRate().floatValue()).finalLearningRate(request.learningRate().floatValue() / 100)
                .patience(request.patience()).seed(request.seed()).device(device(request.device())).build();
        TrainingRun run = TrainingRun.of(request.preset(), dataset, options, request.validStart(), request.testStart());
        JobProgress progress = new JobProgress(jobs, claim, json, losses);
        Optional<TrainingRun.Result> result = run.run(dataset, progress, progress::cancelled);
        if (result.isEmpty()) {
            jobs.cancelled(claim);
            log.info("Training job {} cancelled", job.id());
            return;
        }
        try (TrainedModel model = result.get().model()) {
            UUID modelId = UUID.randomUUID();
            model.save(ModelRegistry.files(properties.modelPath(), modelId));
            ModelRecord record = new ModelRecord(modelId, name(request, job), request.preset(), false,
                    json.writeValueAsString(run.describe()), json.writeValueAsString(result.get().dataRange(dataset)),
                    json.writeValueAsString(Map.of("factors", dataset.factorNames(), "market", dataset.marketNames(),
                            "labels", dataset.labelNames())),
                    json.writeValueAsString(Versions.of(data, model)), json.writeValueAsString(result.get().metrics()), job.id(), null);
            tx.executeWithoutResult(s -> {
                registry.add(record);
                jobs.succeed(claim, modelId);
            });
            log.info("Training job {} made model {} ({})", job.id(), modelId, record.name());
        }
    }

    /** The model that a GPU device needs is refused at submission; here a failure only says what went wrong. */
    private static DeviceChoice device(String name) {
        return DeviceChoice.parse(name);
    }

    private static String name(TrainRequest request, TrainingJobRecord job) {
        return request.preset() + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now()) + "-" + job.id().toString().substring(0, 8);
    }

    @Override
    public void failed(JobQueue.Claim claim, Throwable e) {
        jobs.queue().fail(claim, e, e instanceof IllegalArgumentException || e instanceof DeviceUnavailableException, "Training");
    }

    @Override
    public void exhausted(UUID id, String message) {
        jobs.queue().failExhausted(id, properties.jobStaleAfter(), message);
    }

    @PreDestroy
    void stop() {
        worker.close();
    }
}
