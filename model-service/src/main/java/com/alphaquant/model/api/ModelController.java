package com.alphaquant.model.api;

import com.alphaquant.model.registry.ModelRegistry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** The model registry: list, show, promote one as the active model. */
@RestController
@RequestMapping("/api/models")
@Validated
class ModelController {

    private final ModelRegistry registry;
    private final JsonMapper json;

    ModelController(ModelRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @Operation(summary = "Trained models, newest first")
    @GetMapping
    List<Views.Model> list(@RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return registry.all(limit).stream().map(m -> Views.Model.of(m, json)).toList();
    }

    @Operation(summary = "A model: config, data range, features, versions and metrics")
    @GetMapping("/{id}")
    Views.Model get(@PathVariable UUID id) {
        return registry.find(id).map(m -> Views.Model.of(m, json)).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Make a model the active one", description = "The active model answers factors.computed with model.predictions.")
    @PostMapping("/{id}/promote")
    Views.Model promote(@PathVariable UUID id) {
        if (!registry.promote(id)) {
            throw notFound(id);
        }
        return get(id);
    }

    static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No model " + id);
    }
}
