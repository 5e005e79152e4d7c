package com.alphaquant.backtest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.ServiceIT;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.FillPrice;
import com.alphaquant.backtest.strategy.BuyAndHoldStrategy;
import com.alphaquant.market.TsCode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The lists of past jobs over real runs: GET /api/backtests and GET /api/backtests/optimize,
 * newest first, each item agreeing with the job's own answer, figures checked against the engine
 * run directly on the same sample.
 */
class JobListIT extends ServiceIT {

    private static final LocalDate START = LocalDate.of(2022, 9, 1);
    private static final LocalDate END = LocalDate.of(2022, 12, 20);

    @Autowired
    JdbcTemplate jdbc;

    private UUID backtest(String stock) throws Exception {
        return submit("/api/backtests", """
                {"strategy":"buy_and_hold","startDate":"%s","endDate":"%s","stocks":["%s"],"initialCapital":1000000}"""
                .formatted(START, END, stock));
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static void assertNewestFirst(JsonNode list) {
        for (int i = 1; i < list.size(); i++) {
            assertThat(Instant.parse(list.get(i - 1).get("submittedAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(list.get(i).get("submittedAt").asString()));
        }
    }

    @Test
    void backtestsAreListedNewestFirstWithTheirStoredFigures() throws Exception {
        List<UUID> submitted = new ArrayList<>();
        for (String stock : List.of("600000.SH", "600519.SH", "000001.SZ")) {
            UUID id = backtest(stock);
            assertThat(awaitEnd("/api/backtests/" + id, Duration.ofSeconds(60)).get("status").asString()).isEqualTo("SUCCEEDED");
            submitted.add(id);
        }

        JsonNode three = getJson("/api/backtests?limit=3");
        System.out.println("[sample] GET /api/backtests?limit=3 -> " + three);
        assertThat(ids(three)).containsExactly(submitted.get(2).toString(), submitted.get(1).toString(), submitted.get(0).toString());
        assertThat(ids(getJson("/api/backtests?limit=2"))).containsExactly(submitted.get(2).toString(), submitted.get(1).toString());
        JsonNode all = getJson("/api/backtests");
        assertThat(all.size()).isBetween(3, 50);
        assertNewestFirst(all);
        all.forEach(item -> assertThat(item.has("objective")).as("optimisations are not backtests").isFalse());

        JsonNode item = three.get(1); // 600519.SH
        JsonNode job = getJson("/api/backtests/" + submitted.get(1));
        assertThat(item.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(item.get("strategy").asString()).isEqualTo("buy_and_hold");
        assertThat(item.get("startDate").asString()).isEqualTo(START.toString());
        assertThat(item.get("endDate").asString()).isEqualTo(END.toString());
        assertThat(item.get("submittedAt").asString()).isEqualTo(job.get("createdAt").asString());
        assertThat(item.get("finishedAt").asString()).isEqualTo(job.get("finishedAt").asString());
        assertThat(item.get("progress").asDouble()).isEqualTo(100.0);
        assertThat(item.get("location").asString()).isEqualTo("/api/backtests/" + submitted.get(1));
        assertThat(item.get("metrics")).isEqualTo(job.get("metrics"));
        List<TsCode> moutai = List.of(TsCode.of("600519.SH"));
        BacktestResult expected = new BacktestEngine(Sample.panel(moutai), BacktestConfig.of(START, END, 1_000_000))
                .run(new BuyAndHoldStrategy(moutai));
        assertThat(item.get("metrics").get("total_return").asDouble()).isCloseTo(expected.metrics().totalReturn(), within(1e-12));
        assertThat(item.get("metrics").get("final_equity").asDouble()).isEqualTo(expected.finalEquity());

        // A job not SUCCEEDED has no figures yet.
        UUID failed = UUID.randomUUID();
        jdbc.update("insert into backtest_job (id, kind, status, strategy, start_date, end_date, parameters, engine_version, "
                + "message, created_at) values (?, 'BACKTEST', 'FAILED', 'buy_and_hold', '2022-09-01', '2022-12-20', '{}', '1', "
                + "'No bars of 600000.SH', now())", failed);
        JsonNode newest = getJson("/api/backtests?limit=1").get(0);
        assertThat(newest.get("id").asString()).isEqualTo(failed.toString());
        assertThat(newest.get("metrics").isNull()).isTrue();
        assertThat(newest.get("message").asString()).isEqualTo("No bars of 600000.SH");
    }

    @Test
    void optimisationsAreListedWithGridSizeProgressAndTheirBestPoint() throws Exception {
        UUID id = submit("/api/backtests/optimize", """
                {"base":{"strategy":"buy_and_hold","startDate":"%s","endDate":"%s","stocks":["600519.SH","000001.SZ"],
                         "initialCapital":1000000},
                 "ranges":[{"name":"fill","values":["open","close","vwap"]}],
                 "objective":"max_return"}""".formatted(START, END));
        JsonNode job = awaitEnd("/api/backtests/optimize/" + id, Duration.ofSeconds(90));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        // A later one that failed before computing a point: listed first, with no best.
        UUID empty = UUID.randomUUID();
        jdbc.update("insert into backtest_job (id, kind, status, strategy, start_date, end_date, parameters, engine_version, "
                + "message, created_at) values (?, 'OPTIMIZE', 'FAILED', 'buy_and_hold', '2022-09-01', '2022-12-20', cast(? as json), "
                + "'1', 'No bars', now())", empty,
                "{\"objective\":\"min_drawdown\",\"ranges\":[{\"name\":\"fill\",\"values\":[\"open\",\"close\"]},"
                        + "{\"name\":\"minCommission\",\"values\":[0,5,10]}]}");

        HttpResponse<String> raw = get("/api/backtests/optimize?limit=2", null);
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
        JsonNode list = json.readTree(raw.body());
        System.out.println("[sample] GET /api/backtests/optimize?limit=2 -> " + list);
        assertThat(ids(list)).containsExactly(empty.toString(), id.toString());
        assertNewestFirst(getJson("/api/backtests/optimize"));

        JsonNode waiting = list.get(0);
        assertThat(waiting.get("status").asString()).isEqualTo("FAILED");
        assertThat(waiting.get("objective").asString()).isEqualTo("min_drawdown");
        assertThat(waiting.get("points").asInt()).isEqualTo(6);
        assertThat(waiting.get("done").asInt()).isZero();
        assertThat(waiting.get("best").isNull()).isTrue();

        JsonNode item = list.get(1);
        assertThat(item.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(item.get("objective").asString()).isEqualTo("max_return");
        assertThat(item.get("strategy").asString()).isEqualTo("buy_and_hold");
        assertThat(item.get("points").asInt()).isEqualTo(3);
        assertThat(item.get("done").asInt()).isEqualTo(3);
        assertThat(item.get("submittedAt").asString()).isEqualTo(job.get("createdAt").asString());
        assertThat(item.get("best")).isEqualTo(job.get("best"));
        // The best point is the fill price whose run returns most, by the engine run directly.
        List<TsCode> stocks = List.of(TsCode.of("600519.SH"), TsCode.of("000001.SZ"));
        String bestFill = null;
        double bestReturn = Double.NEGATIVE_INFINITY;
        for (FillPrice fill : List.of(FillPrice.OPEN, FillPrice.CLOSE, FillPrice.VWAP)) {
            double r = new BacktestEngine(Sample.panel(stocks), BacktestConfig.of(START, END, 1_000_000).withFillPrice(fill))
                    .run(new BuyAndHoldStrategy(stocks)).metrics().totalReturn();
            if (r > bestReturn) {
                bestReturn = r;
                bestFill = fill.name().toLowerCase(java.util.Locale.ROOT);
            }
        }
        JsonNode best = item.get("best");
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        assertThat(best.get("objective").asString()).isEqualTo("total_return");
        assertThat(best.get("parameters").get("fill").asString()).isEqualTo(bestFill);
        assertThat(best.get("objectiveValue").asDouble()).isCloseTo(bestReturn, within(1e-12));
        assertThat(best.get("metrics").get("total_return").asDouble()).isEqualTo(best.get("objectiveValue").asDouble());
    }

    @Test
    void aLimitOutside1To500IsA400NamingIt() throws Exception {
        for (String path : List.of("/api/backtests", "/api/backtests/optimize")) {
            for (String limit : List.of("0", "501", "-1", "abc", "1e3", "99999999999")) {
                HttpResponse<String> r = get(path + "?limit=" + limit, null);
                assertThat(r.statusCode()).as(path + "?limit=" + limit + " " + r.body()).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
                assertThat(json.readTree(r.body()).path("errors").path(0).path("field").asString()).isEqualTo("limit");
            }
            assertThat(get(path + "?limit=500", null).statusCode()).isEqualTo(200);
        }
    }
}
