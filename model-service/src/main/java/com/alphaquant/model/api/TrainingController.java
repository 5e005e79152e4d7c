package com.alphaquant.model.api;

import com.alphaquant.model.jobs.TrainRequest;
import com.alphaquant.model.jobs.TrainingJobStore;
import com.alphaquant.model.net.Torch;
import com.alphaquant.support.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Training jobs: submit, follow (progress, loss curves), cancel. */
@RestController
@RequestMapping("/api/models/train")
@Validated
class TrainingController {

    private final TrainingJobStore jobs;
    private final JsonMapper json;

    TrainingController(TrainingJobStore jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @Operation(summary = "Train a model",
            description = "A job that builds the dataset, trains, evaluates and registers the model; follow it at the returned location.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Views.Accepted> submit(@RequestBody(required = false) TrainRequest request) {
        TrainRequest filled = (request == null ? new TrainRequest(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null) : request).withDefaults();
        if (filled.device().equals("gpu") && Torch.engine().getGpuCount() == 0) {
            throw new BadRequestException("device", "gpu was requested, but this model-service finds no CUDA device (CPU natives, "
                    + "or no GPU present); use cpu or auto");
        }
        UUID id = UUID.randomUUID();
        jobs.insert(id, json.writeValueAsString(filled));
        String location = "/api/models/train/" + id;
        return ResponseEntity.accepted().location(URI.create(location)).body(new Views.Accepted(id, "QUEUED", location));
    }

    @Operation(summary = "Training jobs, newest first")
    @GetMapping
    List<Views.TrainingJob> list(@RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(500) int limit) {
        return jobs.latest(limit).stream().map(j -> Views.TrainingJob.of(j, List.of(), json)).toList();
    }

    @Operation(summary = "A training job with its progress and loss curves")
    @GetMapping("/{id}")
    Views.TrainingJob get(@PathVariable UUID id) {
        return jobs.find(id).map(j -> Views.TrainingJob.of(j, jobs.epochs(id), json)).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Cancel a training job", description = "A queued job stops at once, a running one after its current step.")
    @DeleteMapping("/{id}")
    ResponseEntity<Views.TrainingJob> cancel(@PathVariable UUID id) {
        Views.TrainingJob job = jobs.cancel(id).map(j -> Views.TrainingJob.of(j, List.of(), json)).orElseThrow(() -> notFound(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(job);
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No training job " + id);
    }
}
