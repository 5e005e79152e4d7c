package com.alphaquant.model.inference;

import com.alphaquant.model.ModelProperties;
import com.alphaquant.model.registry.ModelRecord;
import com.alphaquant.model.registry.ModelRegistry;
import com.alphaquant.model.train.DeviceChoice;
import com.alphaquant.model.train.TrainedModel;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registered models loaded from their files on first use and kept: a {@link TrainedModel}
 * predicts for any number of threads at once, so one copy per model serves every request.
 */
@Component
public class LoadedModels {

    private final ModelRegistry registry;
    private final ModelProperties properties;
    private final Map<UUID, TrainedModel> loaded = new ConcurrentHashMap<>();

    private final JsonMapper json;

    public LoadedModels(ModelRegistry registry, ModelProperties properties, JsonMapper json) {
        this.registry = registry;
        this.properties = properties;
        this.json = json;
    }

    /** The model with its record; empty when the registry does not know {@code id}. */
    public Optional<Loaded> get(UUID id) {
        return registry.find(id).map(record -> new Loaded(record, loaded.computeIfAbsent(id,
                key -> TrainedModel.load(ModelRegistry.files(properties.modelPath(), key), DeviceChoice.parse(properties.device()))),
                json.readTree(record.dataRange()).path("horizon").asInt()));
    }

    /** The active model, if one was promoted. */
    public Optional<Loaded> active() {
        return registry.active().flatMap(record -> get(record.id()));
    }

    /** @param horizon the label horizon it was trained on, in trading days */
    public record Loaded(ModelRecord record, TrainedModel model, int horizon) {
    }

    @PreDestroy
    void close() {
        loaded.values().forEach(TrainedModel::close);
        loaded.clear();
    }
}
