package com.alphaquant.model.api;

import com.alphaquant.events.ModelPredictions;
import com.alphaquant.market.TsCode;
import com.alphaquant.model.inference.LoadedModels;
import com.alphaquant.model.inference.Predictor;
import com.alphaquant.support.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Predictions of a registered model for a day: some stocks, or the whole universe (a batch). */
@RestController
class PredictionController {

    /** A batch beyond this many codes is a universe request: leave tsCodes out. */
    static final int MAX_CODES = 6_000;

    private final LoadedModels models;
    private final Predictor predictor;

    PredictionController(LoadedModels models, Predictor predictor) {
        this.models = models;
        this.predictor = predictor;
    }

    record Answer(UUID modelId, String modelName, LocalDate date, int horizon, List<ModelPredictions.Prediction> predictions) {}

    @Operation(summary = "Predict with a model",
            description = "Body {tsCodes, date}: per stock the forward log return, Sharpe and max drawdown over the model's horizon, "
                    + "from bars up to date only. Without tsCodes: every stock with enough history that day.")
    @PostMapping(path = "/api/models/{id}/predict", consumes = MediaType.APPLICATION_JSON_VALUE)
    Answer predict(@PathVariable UUID id, @RequestBody PredictRequest request) {
        if (request.date() == null) {
            throw new BadRequestException("date", "is required (YYYY-MM-DD)");
        }
        List<String> codes = request.tsCodes() == null ? List.of() : request.tsCodes();
        if (codes.size() > MAX_CODES) {
            throw new BadRequestException("tsCodes", "at most " + MAX_CODES + " codes; leave it out for the whole universe");
        }
        for (int i = 0; i < codes.size(); i++) {
            if (!TsCode.isValid(codes.get(i))) {
                throw new BadRequestException("tsCodes[" + i + "]", "'" + codes.get(i) + "' is not a ts_code such as 600000.SH");
            }
        }
        LoadedModels.Loaded loaded = models.get(id).orElseThrow(() -> ModelController.notFound(id));
        List<ModelPredictions.Prediction> predictions;
        try {
            predictions = predictor.predict(loaded.model(), request.date(), codes);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("date", e.getMessage());
        }
        return new Answer(id, loaded.record().name(), request.date(), loaded.horizon(), predictions);
    }
}
