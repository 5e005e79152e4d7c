package com.alphaquant.backtest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.ServiceIT;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.engine.FillPrice;
import com.alphaquant.backtest.report.BacktestWriter;
import com.alphaquant.backtest.strategy.BuyAndHoldStrategy;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.events.BacktestCompleted;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.Topics;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.CostModel;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The backtest API end to end: REST in, bars over HTTP from data-service's API, the engine,
 * results in PostgreSQL, backtest.completed on Kafka. Figures are checked against the engine run
 * directly on the same sample read from its files, the way the CLI does.
 */
class BacktestApiIT extends ServiceIT {

    private static final List<TsCode> TWO = List.of(TsCode.of("600000.SH"), TsCode.of("600519.SH"));
    private static final LocalDate START = LocalDate.of(2022, 1, 4);
    private static final LocalDate END = LocalDate.of(2022, 12, 20);

    @TempDir
    Path dir;

    private static void assertSameMetrics(JsonNode metrics, BacktestResult expected) {
        assertThat(metrics.get("days").asInt()).isEqualTo(expected.metrics().days());
        expected.metrics().asMap().forEach((name, value) -> {
            JsonNode actual = metrics.get(name);
            if (Double.isNaN(value)) {
                assertThat(actual.isNull()).as(name).isTrue();
            } else {
                assertThat(actual.asDouble()).as(name).isCloseTo(value, within(1e-12 * Math.max(1, Math.abs(value))));
            }
        });
        assertThat(metrics.get("final_equity").asDouble()).isEqualTo(expected.finalEquity());
    }

    @Test
    void buyAndHoldOverTheRealSampleEqualsTheEngineRunDirectly() throws Exception {
        UUID id = submit("/api/backtests", """
                {"strategy":"buy_and_hold","startDate":"2022-01-04","endDate":"2022-12-20",
                 "stocks":["600000.SH","600519.SH"],"initialCapital":1000000,"commission":0.0003}""");
        JsonNode job = awaitEnd("/api/backtests/" + id, Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("progress").asDouble()).isEqualTo(100.0);
        assertThat(job.get("engineVersion").asString()).isEqualTo(BacktestEngine.VERSION);
        JsonNode parameters = job.get("parameters");
        assertThat(parameters.get("strategy").asString()).isEqualTo("buy_and_hold");
        assertThat(parameters.get("fill").asString()).isEqualTo("open");
        assertThat(parameters.get("minCommission").asDouble()).isEqualTo(5.0);
        assertThat(parameters.get("stampDuty").isNull()).isTrue(); // the dated schedule
        assertThat(parameters.get("benchmark").asString()).isEqualTo("000300.SH");
        assertThat(job.get("run").get("firstDay").asString()).isEqualTo("2022-01-04");
        assertThat(job.get("run").get("lastDay").asString()).isEqualTo("2022-12-20");
        assertThat(job.get("run").get("universeSize").asInt()).isEqualTo(2);
        assertThat(job.get("run").get("barSource").asString()).isEqualTo("data-service " + DATA_SERVICE.url());

        BacktestResult expected = new BacktestEngine(Sample.panel(TWO), BacktestConfig.of(START, END, 1_000_000))
                .run(new BuyAndHoldStrategy(TWO));
        assertSameMetrics(job.get("metrics"), expected);
        // the CLI's published figures on the same data (cli BacktestCommandTest)
        assertThat(job.get("metrics").get("total_return").asDouble()).isCloseTo(-0.12489044, within(1e-12));
        assertThat(job.get("metrics").get("benchmark_return").asDouble()).isCloseTo(-0.221391, within(1e-12));
        assertThat(job.get("counts").get("fills").asInt()).isEqualTo(2);
        assertThat(job.get("counts").get("rejections").asInt()).isZero();

        // CSV: byte for byte the CLI's files for the same run
        BacktestWriter.write(expected, dir, Map.of());
        HttpResponse<String> equityCsv = get("/api/backtests/" + id + "/equity", "text/csv");
        assertThat(equityCsv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(equityCsv.body()).isEqualTo(Files.readString(dir.resolve(BacktestWriter.EQUITY)));
        assertThat(get("/api/backtests/" + id + "/trades", "text/csv").body()).isEqualTo(Files.readString(dir.resolve(BacktestWriter.TRADES)))
                .contains("2022-01-05,600000.SH,buy,58300,8.5986,501298.38,150.39,0.00,10.03,1667.38,entry");
        assertThat(get("/api/backtests/" + id + "/rejections", "text/csv").body())
                .isEqualTo(Files.readString(dir.resolve(BacktestWriter.REJECTIONS)));

        // JSON: the same rows
        JsonNode equity = getJson("/api/backtests/" + id + "/equity");
        assertThat(equity.size()).isEqualTo(expected.days()).isEqualTo(234);
        assertThat(equity.get(0).get("tradeDate").asString()).isEqualTo("2022-01-04");
        assertThat(equity.get(0).get("cash").asDouble()).isEqualTo(1_000_000.0);
        assertThat(equity.get(233).get("equity").asDouble()).isEqualTo(expected.finalEquity());
        assertThat(equity.get(233).get("benchmark").asDouble()).isEqualTo(expected.benchmark(233));
        assertThat(equity.get(233).get("drawdown").asDouble()).isEqualTo(expected.drawdowns()[233]);
        JsonNode trades = getJson("/api/backtests/" + id + "/trades");
        assertThat(trades.size()).isEqualTo(2);
        Fill first = expected.fills().get(0);
        JsonNode t = trades.get(0);
        assertThat(t.get("tradeDate").asString()).isEqualTo(first.date().toString());
        assertThat(t.get("tsCode").asString()).isEqualTo("600000.SH");
        assertThat(t.get("side").asString()).isEqualTo("buy");
        assertThat(t.get("shares").asDouble()).isEqualTo(first.shares());
        assertThat(t.get("price").asDouble()).isEqualTo(first.price());
        assertThat(t.get("commission").asDouble()).isEqualTo(first.fees().commission());
        assertThat(t.get("transferFee").asDouble()).isEqualTo(first.fees().transferFee());
        assertThat(t.get("slippageCost").asDouble()).isEqualTo(first.slippageCost());
        assertThat(t.get("reason").asString()).isEqualTo("entry");
        assertThat(getJson("/api/backtests/" + id + "/rejections").size()).isZero();

        // backtest.completed, read by a plain Kafka consumer
        List<ConsumerRecord<String, String>> events = completedEvents(id.toString(), 1, Duration.ofSeconds(60));
        assertThat(events).hasSize(1);
        BacktestCompleted event = new EventSerde().deserialize(Topics.BACKTEST_COMPLETED,
                events.get(0).value().getBytes(StandardCharsets.UTF_8), BacktestCompleted.class);
        assertThat(event.backtestId()).isEqualTo(id.toString());
        assertThat(event.status()).isEqualTo("SUCCEEDED");
        assertThat(event.strategy()).isEqualTo("buy_and_hold");
        assertThat(event.startDate()).isEqualTo(START);
        assertThat(event.endDate()).isEqualTo(END);
        assertThat(event.engineVersion()).isEqualTo(BacktestEngine.VERSION);
        assertThat(event.metrics().get("total_return")).isEqualTo(expected.metrics().totalReturn());
        assertThat(event.metrics().get("sharpe")).isEqualTo(expected.metrics().sharpe());
    }

    @Test
    void multiFactorRunsOverTheBundledSampleWithItsPresetsParameters() throws Exception {
        UUID id = submit("/api/backtests", """
                {"strategy":"multi_factor","startDate":"2022-06-01","endDate":"2022-12-20",
                 "strategyParameters":{"max_position":0.05}}""");
        JsonNode job = awaitEnd("/api/backtests/" + id, Duration.ofSeconds(120));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode parameters = job.get("parameters").get("strategyParameters");
        assertThat(parameters.get("max_position").asDouble()).isEqualTo(0.05);
        assertThat(parameters.get("stop_loss").asDouble()).isEqualTo(0.05); // the multi_factor preset's default
        assertThat(job.get("run").get("firstDay").asString()).isEqualTo("2022-06-01");
        assertThat(job.get("run").get("universeSize").asInt()).isGreaterThan(100); // every stock is the reference universe
        assertThat(job.get("counts").get("fills").asInt()).isGreaterThan(100);
    }

    @Test
    void targetWeightsWithVwapFillsCarryOverAndExplicitFees() throws Exception {
        String[][] plan = {{"2022-01-04", "600000.SH", "0.3"}, {"2022-01-04", "000001.SZ", "0.3"}, {"2022-01-04", "300750.SZ", "0.3"},
                {"2022-03-01", "688981.SH", "0.45"}, {"2022-03-01", "600519.SH", "0.45"}, {"2022-06-01", "000001.SZ", "0.9"}};
        StringBuilder weights = new StringBuilder();
        List<TargetWeightsStrategy.Row> rows = new java.util.ArrayList<>();
        for (String[] row : plan) {
            weights.append(weights.isEmpty() ? "" : ",").append("{\"tradeDate\":\"").append(row[0]).append("\",\"tsCode\":\"")
                    .append(row[1]).append("\",\"weight\":").append(row[2]).append('}');
            rows.add(new TargetWeightsStrategy.Row(LocalDate.parse(row[0]), TsCode.of(row[1]), Double.parseDouble(row[2])));
        }
        UUID id = submit("/api/backtests", """
                {"strategy":"target_weights","weights":[%s],"startDate":"20220104","endDate":"2022-09-30",
                 "fill":"vwap","carryOver":true,"stampDuty":0.001,"transferFee":0.00002,"minCommission":0,"slippage":0.0005}"""
                .formatted(weights));
        JsonNode job = awaitEnd("/api/backtests/" + id, Duration.ofSeconds(60));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("run").get("universe").asString()).isEqualTo("weights");

        Strategy strategy = TargetWeightsStrategy.of(rows);
        BacktestConfig config = BacktestConfig.of(LocalDate.of(2022, 1, 4), LocalDate.of(2022, 9, 30), 1_000_000)
                .withCosts(new CostModel(0.0003, 0, 0.001, 0.00002))
                .withSlippage(com.alphaquant.backtest.engine.SlippageModel.DEFAULT.withBase(0.0005))
                .withFillPrice(FillPrice.VWAP).withCarryOver(true);
        BacktestResult expected = new BacktestEngine(Sample.panel(((TargetWeightsStrategy) strategy).stocks()), config).run(strategy);
        assertSameMetrics(job.get("metrics"), expected);
        assertThat(job.get("counts").get("fills").asInt()).isEqualTo(expected.fills().size()).isGreaterThan(8);
        BacktestWriter.write(expected, dir, Map.of());
        assertThat(get("/api/backtests/" + id + "/trades", "text/csv").body()).isEqualTo(Files.readString(dir.resolve(BacktestWriter.TRADES)));
    }

    @Test
    void badInputIsA400ProblemNamingTheField() throws Exception {
        String base = "\"strategy\":\"buy_and_hold\",\"startDate\":\"2022-01-04\",\"endDate\":\"2022-06-30\"";
        String[][] cases = {
                {"{" + base + ",\"stocks\":[\"600000\"]}", "stocks[0]", "'600000' is not a ts_code"},
                {"{" + base + ",\"stocks\":[\"600000.SH\",\"900901.SH\"]}", "stocks[1]", "B-shares"},
                {"{" + base + ",\"stocks\":[\"600000.SH\"],\"minCommission\":1e308}", "minCommission", "[0, 1000] CNY per order"},
                {"{" + base + ",\"stocks\":[\"600000.SH\"],\"stampDuty\":\"NaN\"}", "stampDuty", "finite"},
                {"{\"strategy\":\"buy_and_hold\",\"startDate\":\"1990-12-18\",\"endDate\":\"2022-06-30\",\"stocks\":[\"600000.SH\"]}",
                        "startDate", "is outside 1990-12-19"},
                {"{\"strategy\":\"buy_and_hold\",\"startDate\":\"2022-06-30\",\"endDate\":\"2022-01-04\",\"stocks\":[\"600000.SH\"]}",
                        "endDate", "endDate 2022-01-04 is before startDate 2022-06-30"},
                {"{\"strategy\":\"momentum\",\"startDate\":\"2022-01-04\",\"endDate\":\"2022-06-30\",\"universe\":\"all\"}",
                        "strategy", "Unknown strategy 'momentum': expected one of target_weights, buy_and_hold"},
                {"{" + base + ",\"stocks\":[\"600000.SH\"],\"initialCapital\":-1000}", "initialCapital",
                        "must be within (0, 10000000000000) CNY, got -1000.0"},
                {"{" + base + ",\"stocks\":[\"600000.SH\"],\"initialCapital\":\"lots\"}", "initialCapital", "Double"},
                {"{" + base + ",\"stocks\":[\"600000.SH\"],\"fill\":\"mid\"}", "fill", "Unknown fill price 'mid'"},
                {"{" + base + "}", "stocks", "Strategy buy_and_hold needs stocks"},
                {"{\"strategy\":\"target_weights\",\"startDate\":\"2022-01-04\",\"endDate\":\"2022-06-30\","
                        + "\"weights\":[{\"tradeDate\":\"2022-01-04\",\"tsCode\":\"600000.SH\",\"weight\":0.5},"
                        + "{\"tradeDate\":\"2022-01-04\",\"tsCode\":\"CSI300\",\"weight\":0.5}]}", "weights[1].tsCode", "'CSI300' is not a ts_code"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = post("/api/backtests", c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(r.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://alphaquant.dev/problems/invalid-request");
            assertThat(problem.get("errors").get(0).get("field").asString()).as(r.body()).isEqualTo(c[1]);
            assertThat(problem.get("errors").get(0).get("reason").asString()).as(r.body()).contains(c[2]);
        }
        assertThat(post("/api/backtests", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> badId = get("/api/backtests/not-a-uuid", null);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("\"field\":\"id\"");
        assertThat(get("/api/backtests/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
        assertThat(get("/api/backtests/" + UUID.randomUUID() + "/equity", "text/csv").statusCode()).isEqualTo(404);
    }

    @Test
    void dataProblemsFailTheJobWithAMessage() throws Exception {
        UUID unknown = submit("/api/backtests", """
                {"strategy":"buy_and_hold","startDate":"2022-01-04","endDate":"2022-06-30","stocks":["600000.SH","605999.SH"]}""");
        JsonNode failed = awaitEnd("/api/backtests/" + unknown, Duration.ofSeconds(60));
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("message").asString()).isEqualTo("Unknown stock 605999.SH: not among the 350 securities of data-service "
                + DATA_SERVICE.url());

        DATA_SERVICE.stop();
        UUID down;
        try {
            down = submit("/api/backtests", """
                    {"strategy":"buy_and_hold","startDate":"2022-01-04","endDate":"2022-06-30","stocks":["600000.SH"]}""");
            JsonNode job = awaitEnd("/api/backtests/" + down, Duration.ofSeconds(60));
            assertThat(job.get("status").asString()).isEqualTo("FAILED");
            assertThat(job.get("message").asString()).isEqualTo("data-service at " + DATA_SERVICE.url()
                    + " is unreachable or did not answer in time (GET /api/data/securities): connection refused");
            assertThat(job.get("metrics").isNull()).isTrue();
        } finally {
            DATA_SERVICE.restart();
        }
        HttpResponse<String> equity = get("/api/backtests/" + down + "/equity", null);
        assertThat(equity.statusCode()).isEqualTo(409);
        assertThat(equity.body()).contains("is FAILED: data-service at");

        List<ConsumerRecord<String, String>> events = completedEvents(down.toString(), 1, Duration.ofSeconds(60));
        assertThat(events).hasSize(1);
        BacktestCompleted event = new EventSerde().deserialize(Topics.BACKTEST_COMPLETED,
                events.get(0).value().getBytes(StandardCharsets.UTF_8), BacktestCompleted.class);
        assertThat(event.status()).isEqualTo("FAILED");
        assertThat(event.metrics()).isEmpty();

        // data-service is back: the same request runs
        UUID again = submit("/api/backtests", """
                {"strategy":"buy_and_hold","startDate":"2022-01-04","endDate":"2022-06-30","stocks":["600000.SH"]}""");
        assertThat(awaitEnd("/api/backtests/" + again, Duration.ofSeconds(60)).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anIndexUniverseBuysOnlyEachDaysConstituentsFromDataService() throws Exception {
        UUID id = submit("/api/backtests", """
                {"strategy":"buy_and_hold","startDate":"2021-07-01","endDate":"2021-09-30","universe":"000300.SH"}""");
        JsonNode job = awaitEnd("/api/backtests/" + id, Duration.ofSeconds(120));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("parameters").get("universe").asString()).isEqualTo("000300.SH");
        assertThat(job.get("run").get("universe").asString()).isEqualTo("000300.SH");
        com.alphaquant.market.IndexMembership csi300 = com.alphaquant.market.IndexMembership.of(Sample.CSI300, Sample.indexWeights());
        JsonNode trades = getJson("/api/backtests/" + id + "/trades");
        assertThat(trades.size()).isGreaterThan(100);
        for (JsonNode t : trades) {
            LocalDate decided = Sample.calendar().previous(LocalDate.parse(t.get("tradeDate").asString()));
            assertThat(csi300.isMember(TsCode.of(t.get("tsCode").asString()), decided)).as(t.toString()).isTrue();
        }
        // The sample has stocks that were not members on the first day: none of them was bought.
        assertThat(Sample.codes().stream().filter(c -> !csi300.isMember(c, LocalDate.of(2021, 7, 1)))).isNotEmpty();
    }
}
