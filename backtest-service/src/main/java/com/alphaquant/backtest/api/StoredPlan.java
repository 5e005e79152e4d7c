package com.alphaquant.backtest.api;

import com.alphaquant.backtest.job.Objective;
import tools.jackson.databind.JsonNode;

/** What an optimisation job's stored parameters say: the objective it ranks by and how many points its grid has. */
record StoredPlan(Objective objective, int points) {

    static StoredPlan of(JsonNode parameters) {
        int points = 1;
        for (JsonNode range : parameters.path("ranges")) {
            points *= range.path("values").size();
        }
        return new StoredPlan(Objective.parse(parameters.path("objective").asString()), points);
    }
}
