package com.alphaquant.model.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A trained model as the registry holds it; the JSON columns are kept as written (they are shown,
 * not queried).
 */
public record ModelRecord(UUID id, String name, String preset, boolean active, String config, String dataRange,
                          String features, String versions, String metrics, UUID trainingJob, Instant createdAt) {
}
