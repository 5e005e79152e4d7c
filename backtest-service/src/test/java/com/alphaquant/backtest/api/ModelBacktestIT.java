package com.alphaquant.backtest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.FakeModelService;
import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.ServiceIT;
import com.alphaquant.backtest.data.BundledSampleBarSource;
import com.alphaquant.backtest.data.MarketData;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.job.BacktestRequest;
import com.alphaquant.backtest.job.ParsedRequest;
import com.alphaquant.backtest.job.RequestParser;
import com.alphaquant.backtest.strategy.DailyPredictions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * multi_factor with {@code "model"}: each decision day's predictions come from model-service (a
 * real HTTP server standing in for it), one call per day, and the run equals the engine run
 * directly on the sample's files with the same predictions; a model model-service does not know
 * is a 400 naming {@code model}, and model-service failing is a clear failure, never a run
 * without the model.
 */
class ModelBacktestIT extends ServiceIT {

    private static final String START = "2022-01-04";
    private static final String END = "2022-03-31";
    /** Only the model sub-score counts, so that the predictions decide the picks. */
    private static final Map<String, Double> MODEL_ONLY = Map.of("weight_trend", 0.0, "weight_momentum", 0.0,
            "weight_volatility", 0.0, "weight_mean_reversion", 0.0, "weight_model", 1.0);
    private static final String PARAMETERS = """
            "strategyParameters":{"weight_trend":0,"weight_momentum":0,"weight_volatility":0,"weight_mean_reversion":0,"weight_model":1}""";

    private static String body(String model) {
        return "{\"strategy\":\"multi_factor\",\"startDate\":\"" + START + "\",\"endDate\":\"" + END + "\"," + PARAMETERS
                + (model == null ? "" : ",\"model\":\"" + model + "\"") + "}";
    }

    /** The engine run directly over the sample's files, the fake model's predictions given in-process (or none). */
    private static BacktestResult direct(String model, DailyPredictions predictions) {
        ParsedRequest request = RequestParser.parse(new BacktestRequest("multi_factor", null, START, END, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, MODEL_ONLY, null, model));
        MarketData.Loaded data = new MarketData(new BundledSampleBarSource(Sample.dir(), "daily_raw_adj_*.csv*"))
                .load(request.spec(), null, f -> { });
        return new BacktestEngine(data.panel(), request.spec().config())
                .run(request.newStrategy(data.panel(), data.membership(), predictions));
    }

    private static DailyPredictions fakeModel() {
        return (day, codes) -> {
            Map<String, Double> p = FakeModelService.predict(day);
            return codes.stream().mapToDouble(c -> p.getOrDefault(c, Double.NaN)).toArray();
        };
    }

    @Test
    void theModelsPredictionsScoreEachDayOneCallPerDayAsTheEngineRunDirectly() throws Exception {
        MODEL_SERVICE.clear();
        UUID id = submit("/api/backtests", body(FakeModelService.MODEL.toString()));
        JsonNode job = awaitEnd("/api/backtests/" + id, Duration.ofSeconds(120));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("parameters").get("model").asString()).isEqualTo(FakeModelService.MODEL.toString());

        BacktestResult expected = direct(FakeModelService.MODEL.toString(), fakeModel());
        JsonNode run = job.get("run");
        int days = run.get("tradingDays").asInt();
        assertThat(days).isEqualTo(expected.days());
        // A decision after every close but the last (its orders would fill after the run).
        List<LocalDate> asked = MODEL_SERVICE.predictedDays();
        assertThat(asked).hasSize(days - 1).doesNotHaveDuplicates().isSorted();
        assertThat(asked.get(0)).isEqualTo(expected.date(0));
        assertThat(asked.get(days - 2)).isEqualTo(expected.date(days - 2));
        JsonNode model = run.get("model");
        assertThat(model.get("id").asString()).isEqualTo(FakeModelService.MODEL.toString());
        assertThat(model.get("name").asString()).isEqualTo(FakeModelService.NAME);
        assertThat(model.get("daysPredicted").asInt()).isEqualTo(days - 1);
        assertThat(model.get("daysWithoutPredictions").asInt()).isZero();

        JsonNode metrics = job.get("metrics");
        assertThat(metrics.get("final_equity").asDouble()).isEqualTo(expected.finalEquity());
        assertThat(job.get("counts").get("fills").asInt()).isEqualTo(expected.fills().size());
        // The model decides the picks: without it (model weight renormalised away) the run differs.
        BacktestResult without = direct(null, null);
        assertThat(without.finalEquity()).isNotEqualTo(expected.finalEquity());
    }

    @Test
    void aModelThatModelServiceDoesNotKnowIsA400NamingModel() throws Exception {
        for (String model : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            HttpResponse<String> r = post("/api/backtests", body(model));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            JsonNode problem = json.readTree(r.body());
            assertThat(problem.path("errors").path(0).path("field").asString()).as(r.body()).isEqualTo("model");
            assertThat(problem.path("errors").path(0).path("reason").asString()).contains(model);
        }
        HttpResponse<String> r = post("/api/backtests", """
                {"strategy":"buy_and_hold","startDate":"2022-01-04","endDate":"2022-03-31","stocks":["600519.SH"],
                 "model":"%s"}""".formatted(FakeModelService.MODEL));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json.readTree(r.body()).path("errors").path(0).path("field").asString()).isEqualTo("model");
    }

    @Test
    void modelServiceDownIsA503AtSubmissionAndAFailedJobWhilePredicting() throws Exception {
        MODEL_SERVICE.stop();
        try {
            HttpResponse<String> r = post("/api/backtests", body(FakeModelService.MODEL.toString()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(json.readTree(r.body()).path("detail").asString()).contains("model-service");
        } finally {
            MODEL_SERVICE.restart();
        }
        MODEL_SERVICE.failPredictions(true);
        try {
            UUID id = submit("/api/backtests", body(FakeModelService.MODEL.toString()));
            JsonNode job = awaitEnd("/api/backtests/" + id, Duration.ofSeconds(120));
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("FAILED");
            assertThat(job.get("message").asString()).contains("model-service at " + MODEL_SERVICE.url()).contains("503");
        } finally {
            MODEL_SERVICE.failPredictions(false);
        }
    }
}
