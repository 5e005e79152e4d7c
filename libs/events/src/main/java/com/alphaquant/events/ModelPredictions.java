package com.alphaquant.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * model-service's predictions for one as-of date: per stock, the forward {@code horizon}-day log
 * return, Sharpe and max drawdown (SPEC section 6). Keyed by as-of date.
 */
public record ModelPredictions(String eventId, int schemaVersion, Instant occurredAt, String modelName,
                               String modelVersion, LocalDate asOf, int horizon, List<Prediction> predictions)
        implements Event {

    public static final int VERSION = 1;

    /** One stock's predicted forward window. */
    public record Prediction(String tsCode, double logReturn, double sharpe, double maxDrawdown) {
        public Prediction {
            Require.tsCodes("model.predictions", "predictions.tsCode", List.of(Require.text("model.predictions", "predictions.tsCode", tsCode)));
        }
    }

    public ModelPredictions {
        Require.version("model.predictions", schemaVersion, VERSION);
        Require.text("model.predictions", "eventId", eventId);
        Require.nonNull("model.predictions", "occurredAt", occurredAt);
        Require.text("model.predictions", "modelName", modelName);
        Require.text("model.predictions", "modelVersion", modelVersion);
        Require.nonNull("model.predictions", "asOf", asOf);
        if (horizon < 1) {
            throw new IllegalArgumentException("model.predictions.horizon must be >= 1, got " + horizon);
        }
        predictions = List.copyOf(Require.nonNull("model.predictions", "predictions", predictions));
    }

    @Override
    public String key() {
        return asOf.toString();
    }

    @Override
    public String topic() {
        return Topics.MODEL_PREDICTIONS;
    }
}
