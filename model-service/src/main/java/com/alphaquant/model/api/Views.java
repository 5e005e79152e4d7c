package com.alphaquant.model.api;

import com.alphaquant.model.jobs.EpochRecord;
import com.alphaquant.model.jobs.TrainingJobRecord;
import com.alphaquant.model.registry.ModelRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's JSON shapes. */
final class Views {

    private Views() {
    }

    /** A submitted training job. */
    record Accepted(UUID id, String status, String location) {}

    /** A model in the registry: what it is, what it was trained on, how well it did. */
    record Model(UUID id, String name, String preset, boolean active, JsonNode config, JsonNode dataRange, JsonNode features,
                 JsonNode versions, JsonNode metrics, UUID trainingJob, Instant createdAt, String location) {

        static Model of(ModelRecord m, JsonMapper json) {
            return new Model(m.id(), m.name(), m.preset(), m.active(), tree(json, m.config()), tree(json, m.dataRange()),
                    tree(json, m.features()), tree(json, m.versions()), tree(json, m.metrics()), m.trainingJob(), m.createdAt(),
                    "/api/models/" + m.id());
        }
    }

    /** A training job: where it stands (percent, and epoch/step/losses/ETA in {@code detail}) and its loss curves. */
    record TrainingJob(UUID id, String status, double progress, JsonNode request, JsonNode detail, boolean cancelRequested,
                       UUID modelId, String message, List<Epoch> epochs, Instant createdAt, Instant startedAt, Instant finishedAt,
                       String location) {

        static TrainingJob of(TrainingJobRecord j, List<EpochRecord> epochs, JsonMapper json) {
            return new TrainingJob(j.id(), j.status(), Math.round(j.progress() * 10) / 10.0, tree(json, j.request()),
                    tree(json, j.detail()), j.cancelRequested(), j.modelId(), j.message(),
                    epochs.stream().map(e -> new Epoch(e.epoch(), tree(json, e.trainLoss()), tree(json, e.validLoss()),
                            e.learningRate(), e.seconds())).toList(),
                    j.createdAt(), j.startedAt(), j.finishedAt(), "/api/models/train/" + j.id());
        }
    }

    /** One point of the loss curves. */
    record Epoch(int epoch, JsonNode trainLoss, JsonNode validLoss, double learningRate, double seconds) {}

    static JsonNode tree(JsonMapper json, String text) {
        return text == null ? null : json.readTree(text);
    }
}
