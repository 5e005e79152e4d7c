package com.alphaquant.factor.api;

import com.alphaquant.factor.mined.MinedFormula;
import com.alphaquant.factor.mining.MiningJobRecord;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The mining API's JSON shapes; stored JSON columns are served as they are. */
final class MiningViews {

    private MiningViews() {
    }

    static final String JOBS = "/api/factors/mine/";

    /** A submitted mining job. */
    record Accepted(UUID id, String status, String location) {}

    /**
     * A mining job: {@code progress} in percent, {@code detail} where the search stands (phase,
     * evaluated, budget, accepted, poolSize, poolTrainIc, lastAccepted, formulasPerSecond,
     * etaSeconds), {@code result} once SUCCEEDED (the pool's metrics per split and its formulas by
     * name with their weights and figures).
     */
    record MiningJob(UUID id, String status, double progress, JsonNode request, JsonNode detail, JsonNode result,
                     boolean cancelRequested, int attempts, String message, Instant createdAt, Instant startedAt, Instant finishedAt,
                     String location) {

        static MiningJob of(MiningJobRecord j, JsonMapper json) {
            return new MiningJob(j.id(), j.status(), Math.round(j.progress() * 10) / 10.0, tree(json, j.request()),
                    tree(json, j.detail()), tree(json, j.result()), j.cancelRequested(), j.attempts(), j.message(), j.createdAt(),
                    j.startedAt(), j.finishedAt(), JOBS + j.id());
        }
    }

    /** A stored mined formula with its figures. */
    record Mined(String name, String formula, String rpn, String method, long seed, double weight, JsonNode metrics,
                 Double maxBuiltinCorrelation, String closestBuiltin, JsonNode dataRange, JsonNode versions, UUID jobId,
                 Instant createdAt) {

        static Mined of(MinedFormula f, JsonMapper json) {
            return new Mined(f.name(), f.formula(), f.rpn(), f.method(), f.seed(), f.weight(), tree(json, f.metricsJson()),
                    f.maxBuiltinCorrelation(), f.closestBuiltin(), tree(json, f.dataRangeJson()), tree(json, f.versionsJson()),
                    f.jobId(), f.createdAt());
        }
    }

    private static JsonNode tree(JsonMapper json, String text) {
        return text == null ? null : json.readTree(text);
    }
}
