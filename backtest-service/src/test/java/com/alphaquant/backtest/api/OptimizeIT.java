package com.alphaquant.backtest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.ServiceIT;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.engine.FillPrice;
import com.alphaquant.backtest.engine.SlippageModel;
import com.alphaquant.backtest.strategy.BuyAndHoldStrategy;
import com.alphaquant.market.TsCode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Parameter optimisation end to end: a 2 × 3 grid run in parallel as one job, ranked by the objective. */
class OptimizeIT extends ServiceIT {

    private static final List<TsCode> STOCKS = List.of(TsCode.of("600000.SH"), TsCode.of("600519.SH"), TsCode.of("000001.SZ"));
    private static final String BASE = """
            {"strategy":"buy_and_hold","startDate":"2021-03-01","endDate":"2022-12-20",
             "stocks":["600000.SH","600519.SH","000001.SZ"],"initialCapital":1000000}""";

    @Test
    void aTwoByThreeGridIsRankedByTheObjectiveAndItsBestPointIsTheBest() throws Exception {
        UUID id = submit("/api/backtests/optimize", """
                {"base":%s,
                 "ranges":[{"name":"fill","values":["open","close"]},
                           {"name":"slippage","from":0.0001,"to":0.0041,"step":0.002}],
                 "objective":"max_sharpe"}""".formatted(BASE));
        JsonNode job = awaitEnd("/api/backtests/optimize/" + id, Duration.ofSeconds(90));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("progress").asDouble()).isEqualTo(100.0);
        assertThat(job.get("objective").asString()).isEqualTo("max_sharpe");
        assertThat(job.get("points").asInt()).isEqualTo(6);
        assertThat(job.get("done").asInt()).isEqualTo(6);
        assertThat(job.get("parameters").get("ranges").get(1).get("values").toString()).isEqualTo("[1.0E-4,0.0021,0.0041]");

        // each point equals the engine run directly with that point's parameters
        BarPanel panel = Sample.panel(STOCKS);
        LocalDate start = LocalDate.of(2021, 3, 1);
        LocalDate end = LocalDate.of(2022, 12, 20);
        List<Double> sharpes = new ArrayList<>();
        JsonNode grid = job.get("grid");
        assertThat(grid.size()).isEqualTo(6);
        for (JsonNode point : grid) {
            FillPrice fill = FillPrice.parse(point.get("parameters").get("fill").asString());
            double slippage = point.get("parameters").get("slippage").asDouble();
            BacktestResult expected = new BacktestEngine(panel, BacktestConfig.of(start, end, 1_000_000).withFillPrice(fill)
                    .withSlippage(SlippageModel.DEFAULT.withBase(slippage))).run(new BuyAndHoldStrategy(STOCKS));
            assertThat(point.get("metrics").get("sharpe").asDouble()).as(point.toString())
                    .isCloseTo(expected.metrics().sharpe(), within(1e-12));
            assertThat(point.get("finalEquity").asDouble()).isEqualTo(expected.finalEquity());
            assertThat(point.get("objectiveValue").asDouble()).isEqualTo(point.get("metrics").get("sharpe").asDouble());
            sharpes.add(expected.metrics().sharpe());
        }
        // ranked best first; the best point is the grid's maximum Sharpe
        for (int i = 1; i < grid.size(); i++) {
            assertThat(grid.get(i - 1).get("objectiveValue").asDouble()).isGreaterThanOrEqualTo(grid.get(i).get("objectiveValue").asDouble());
            assertThat(grid.get(i).get("rank").asInt()).isEqualTo(i + 1);
        }
        JsonNode best = job.get("best");
        assertThat(best.get("objectiveValue").asDouble()).isEqualTo(sharpes.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(best.get("point").asInt()).isEqualTo(grid.get(0).get("point").asInt());
        assertThat(sharpes.stream().distinct().count()).isEqualTo(6);
    }

    @Test
    void minDrawdownRanksTheOtherWay() throws Exception {
        UUID id = submit("/api/backtests/optimize", """
                {"base":%s,"ranges":[{"name":"initialCapital","values":[100000, 1000000, 50000000]}],"objective":"min_drawdown"}"""
                .formatted(BASE));
        JsonNode job = awaitEnd("/api/backtests/optimize/" + id, Duration.ofSeconds(90));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode grid = job.get("grid");
        for (int i = 1; i < grid.size(); i++) {
            assertThat(grid.get(i - 1).get("objectiveValue").asDouble()).isLessThanOrEqualTo(grid.get(i).get("objectiveValue").asDouble());
        }
        assertThat(job.get("best").get("metrics").get("max_drawdown").asDouble())
                .isEqualTo(grid.get(0).get("metrics").get("max_drawdown").asDouble());
    }

    @Test
    void badGridsAre400sNamingTheRange() throws Exception {
        String[][] cases = {
                {"{\"base\":" + BASE + ",\"ranges\":[{\"name\":\"endDate\",\"values\":[\"2022-06-30\"]}],\"objective\":\"max_return\"}",
                        "ranges[0].name", "cannot be varied"},
                {"{\"base\":" + BASE + ",\"ranges\":[{\"name\":\"commission\",\"values\":[0.0003,0.2]}],\"objective\":\"max_return\"}",
                        "ranges[0].values[1]", "must be within [0, 0.1) (fraction of the traded value), got 0.2"},
                {"{\"base\":" + BASE + ",\"ranges\":[{\"name\":\"minCommission\",\"from\":0,\"to\":2000,\"step\":500}],"
                        + "\"objective\":\"max_return\"}", "ranges[0]", "minCommission = 1500.0: must be within [0, 1000] CNY per order"},
                {"{\"base\":" + BASE + ",\"ranges\":[{\"name\":\"slippage\",\"values\":[0.001]}],\"objective\":\"max_alpha\"}",
                        "objective", "Unknown objective 'max_alpha'"},
                {"{\"base\":" + BASE.replace("600000.SH", "600000") + ",\"ranges\":[{\"name\":\"slippage\",\"values\":[0.001]}],"
                        + "\"objective\":\"max_return\"}", "base.stocks[0]", "'600000' is not a ts_code"},
                {"{\"base\":" + BASE + ",\"ranges\":[{\"name\":\"slippage\",\"from\":0,\"to\":1,\"step\":0.00001}],\"objective\":\"max_return\"}",
                        "ranges", "more than 1000 points"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = post("/api/backtests/optimize", c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            JsonNode error = json.readTree(r.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).as(r.body()).isEqualTo(c[1]);
            assertThat(error.get("reason").asString()).as(r.body()).contains(c[2]);
        }
        assertThat(get("/api/backtests/optimize/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
    }
}
