package com.alphaquant.backtest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.strategy.BuyAndHoldStrategy;
import com.alphaquant.backtest.store.ResultStore;
import com.alphaquant.market.TsCode;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.HttpFuzzer;
import com.alphaquant.testsupport.http.HttpFuzzer.Endpoint;
import com.alphaquant.testsupport.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * backtest-service under 1,200 malformed requests (seeded, {@link HttpFuzzer}) against every
 * route, submissions (backtest, target weights, multi_factor, optimisation) and results (a
 * SUCCEEDED backtest with stored results, a FAILED one, an optimisation, an unknown id): no
 * answer is a 5xx, every 4xx carries a problem body, and the service is healthy afterwards. Then
 * each reproducer, one by one, answering 400 naming the field. Jobs are not run here (polling
 * off): what is checked is the edge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.backtest.job-polling=false", "alphaquant.outbox.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsIT {

    static final long SEED = 20261205L;
    static final UUID SUCCEEDED = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID FAILED = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID OPTIMIZATION = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID UNKNOWN = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    static final String BACKTEST = """
            {"strategy":"buy_and_hold","startDate":"2022-11-01","endDate":"2022-12-20","stocks":["600000.SH","600519.SH"],
             "initialCapital":1000000,"commission":0.0003,"minCommission":5,"stampDuty":0.001,"transferFee":0.00001,
             "slippage":0.0001,"impact":0.1,"slippageCap":0.01,"fill":"open","carryOver":false,"riskFree":0.02,
             "benchmark":"000300.SH"}""";
    static final String TARGET_WEIGHTS = """
            {"strategy":"target_weights","startDate":"2022-11-01","endDate":"2022-12-20","fill":"close",
             "weights":[{"tradeDate":"2022-11-01","tsCode":"600519.SH","weight":0.5},
                        {"tradeDate":"2022-11-01","tsCode":"000001.SZ","weight":0.3},
                        {"tradeDate":"2022-12-01","tsCode":"600519.SH","weight":0.2}]}""";
    static final String MULTI_FACTOR = """
            {"strategy":"multi_factor","startDate":"2022-11-01","endDate":"2022-12-20","strategyPreset":"multi_factor",
             "strategyParameters":{"max_position":0.05,"buy_above":0.7,"vol_window":20}}""";
    static final String OPTIMIZE = """
            {"base":{"strategy":"buy_and_hold","startDate":"2022-11-01","endDate":"2022-12-20","stocks":["600000.SH"],
                     "minCommission":5},
             "ranges":[{"name":"fill","values":["open","close"]},{"name":"minCommission","values":[0,5,1000]},
                       {"name":"slippage","from":0.0001,"to":0.0041,"step":0.002}],
             "objective":"max_sharpe"}""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_fuzz_backtest");
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ResultStore results;
    @Autowired
    TransactionTemplate tx;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Jobs in every state the result routes tell apart, the SUCCEEDED one with real results. */
    @BeforeAll
    void jobs() {
        insert(SUCCEEDED, "BACKTEST", "SUCCEEDED", BACKTEST);
        insert(FAILED, "BACKTEST", "FAILED", BACKTEST);
        insert(OPTIMIZATION, "OPTIMIZE", "SUCCEEDED", OPTIMIZE.replaceAll("\\s+", ""));
        List<TsCode> two = List.of(TsCode.of("600000.SH"), TsCode.of("600519.SH"));
        BacktestResult result = new BacktestEngine(Sample.panel(two),
                BacktestConfig.of(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 12, 20), 1_000_000)).run(new BuyAndHoldStrategy(two));
        tx.executeWithoutResult(s -> results.save(SUCCEEDED, result));
        jdbc.update("insert into backtest_grid_point (job_id, point_no, parameters, metrics, final_equity, fills, rejections) "
                + "values (?, 0, '{\"fill\":\"open\",\"minCommission\":0.0,\"slippage\":1.0E-4}', '{\"sharpe\":1.2}', 1000000, 2, 0)",
                OPTIMIZATION);
    }

    private void insert(UUID id, String kind, String status, String parameters) {
        jdbc.update("insert into backtest_job (id, kind, status, strategy, start_date, end_date, parameters, progress, message, "
                        + "engine_version, metrics, counts, run_info, created_at, started_at, finished_at) values (?, ?, ?, "
                        + "'buy_and_hold', '2022-11-01', '2022-12-20', cast(? as json), 100, ?, '1.0.0', '{\"sharpe\":1.2}', "
                        + "'{\"fills\":2}', '{\"firstDay\":\"2022-11-01\"}', now(), now(), now())",
                id, kind, status, parameters, status.equals("FAILED") ? "No bars of 600000.SH" : null);
    }

    @Test
    void fuzzedRequestsNeverGetA5xxAndEvery4xxIsAProblem() throws Exception {
        String ok = "/api/backtests/" + SUCCEEDED;
        List<Endpoint> endpoints = List.of(
                Endpoint.post("/api/backtests", BACKTEST),
                Endpoint.post("/api/backtests", TARGET_WEIGHTS),
                Endpoint.post("/api/backtests", MULTI_FACTOR),
                Endpoint.post("/api/backtests/optimize", OPTIMIZE),
                Endpoint.get(ok),
                Endpoint.get(ok + "/equity"),
                Endpoint.get(ok + "/trades"),
                Endpoint.get(ok + "/rejections"),
                Endpoint.get("/api/backtests/" + FAILED + "/trades"),
                Endpoint.get("/api/backtests/" + UNKNOWN),
                Endpoint.get("/api/backtests/optimize/" + OPTIMIZATION),
                Endpoint.get("/api/backtests", "limit", "50"),
                Endpoint.get("/api/backtests/optimize", "limit", "50"),
                Endpoint.get("/actuator/health/readiness"));

        HttpFuzzer.Report report = new HttpFuzzer("localhost", port, SEED).run("backtest-service", endpoints, 1200);

        System.out.println(report.summary());
        report.failures().forEach(f -> System.out.println("[fuzz] " + f));
        assertThat(report.serverErrors()).isZero();
        assertThat(report.problemless4xx()).isZero();
        assertThat(report.failures()).isEmpty();
        assertThat(RawHttp.send("localhost", port, "GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close", null, 5000)
                .status()).isEqualTo(200);
        assertThat(RawHttp.send("localhost", port, "GET " + ok + "/equity HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nConnection: close",
                null, 5000).status()).isEqualTo(200);
    }

    static Stream<Arguments> reproducers() {
        String dates = "\"strategy\":\"buy_and_hold\",\"stocks\":[\"600519.SH\"]";
        String valid = "{" + dates + ",\"startDate\":\"2022-11-01\",\"endDate\":\"2022-12-20\"";
        return Stream.of(
                Arguments.of("POST /api/backtests " + valid + ",\"minCommission\":1e308}", "minCommission"),
                Arguments.of("POST /api/backtests " + valid + ",\"minCommission\":\"1e400\"}", "minCommission"),
                Arguments.of("POST /api/backtests " + valid + ",\"minCommission\":1e400}", "minCommission"),
                Arguments.of("POST /api/backtests " + valid + ",\"minCommission\":NaN}", "minCommission"),
                Arguments.of("POST /api/backtests " + valid + ",\"minCommission\":\"NaN\"}", "minCommission"),
                Arguments.of("POST /api/backtests " + valid + ",\"commission\":\"Infinity\"}", "commission"),
                Arguments.of("POST /api/backtests " + valid + ",\"stampDuty\":\"NaN\"}", "stampDuty"),
                Arguments.of("POST /api/backtests " + valid + ",\"initialCapital\":1e308}", "initialCapital"),
                Arguments.of("POST /api/backtests {" + dates + ",\"startDate\":\"1990-12-18\",\"endDate\":\"2022-12-20\"}", "startDate"),
                Arguments.of("POST /api/backtests {" + dates + ",\"startDate\":\"-999999999-01-01\",\"endDate\":\"2022-12-20\"}",
                        "startDate"),
                Arguments.of("POST /api/backtests {" + dates + ",\"startDate\":\"2022-11-01\",\"endDate\":\"+999999999-12-31\"}",
                        "endDate"),
                Arguments.of("POST /api/backtests {\"strategy\":\"buy_and_hold\",\"stocks\":[\"600519.SH\",\"900901.SH\"],"
                        + "\"startDate\":\"2022-11-01\",\"endDate\":\"2022-12-20\"}", "stocks[1]"),
                Arguments.of("POST /api/backtests {\"strategy\":\"target_weights\",\"startDate\":\"2022-11-01\",\"endDate\":\"2022-12-20\","
                        + "\"weights\":[{\"tradeDate\":\"2022-11-01\",\"tsCode\":\"600519.SH\",\"weight\":\"NaN\"}]}", "weights[0].weight"),
                Arguments.of("POST /api/backtests {\"strategy\":\"target_weights\",\"startDate\":\"2022-11-01\",\"endDate\":\"2022-12-20\","
                        + "\"weights\":[{\"tradeDate\":\"-999999999-01-01\",\"tsCode\":\"600519.SH\",\"weight\":0.5}]}",
                        "weights[0].tradeDate"),
                Arguments.of("POST /api/backtests {\"strategy\":\"multi_factor\",\"startDate\":\"2022-11-01\",\"endDate\":\"2022-12-20\","
                        + "\"strategyParameters\":{\"max_position\":\"1e400\"}}", "strategyParameters"),
                Arguments.of("POST /api/backtests/optimize {\"base\":" + valid + "},\"objective\":\"max_return\","
                        + "\"ranges\":[{\"name\":\"minCommission\",\"values\":[5,1e308]}]}", "ranges[0].values[1]"),
                Arguments.of("POST /api/backtests/optimize {\"base\":" + valid + "},\"objective\":\"max_return\","
                        + "\"ranges\":[{\"name\":\"slippage\",\"from\":\"NaN\",\"to\":0.01,\"step\":0.001}]}", "ranges[0].from"),
                Arguments.of("POST /api/backtests/optimize {\"base\":" + valid + "},\"objective\":\"max_return\","
                        + "\"ranges\":[{\"name\":\"slippage\",\"from\":0,\"to\":\"1e400\",\"step\":0.001}]}", "ranges[0].to"),
                Arguments.of("POST /api/backtests/optimize {\"base\":" + valid + "},\"objective\":\"max_return\","
                        + "\"ranges\":[{\"name\":\"slippage\",\"from\":0,\"to\":0.01,\"step\":1e-300}]}", "ranges"),
                Arguments.of("POST /api/backtests/optimize {\"base\":" + valid + ",\"minCommission\":\"Infinity\"},"
                        + "\"objective\":\"max_return\",\"ranges\":[{\"name\":\"fill\",\"values\":[\"open\"]}]}", "base.minCommission"),
                Arguments.of("GET /api/backtests/" + SUCCEEDED + "?x=%ZZ", "query"),
                Arguments.of("GET /api/backtests/" + SUCCEEDED + "/equity?format=csv&&=", "query"),
                Arguments.of("GET /api/backtests/optimize/" + OPTIMIZATION + "?%C0%AF=1", "query"),
                Arguments.of("GET /api/backtests/-999999999-01-01", "id"),
                Arguments.of("GET /api/backtests?limit=0", "limit"),
                Arguments.of("GET /api/backtests?limit=2147483648", "limit"),
                Arguments.of("GET /api/backtests/optimize?limit=501", "limit"),
                Arguments.of("GET /api/backtests/optimize?limit=%2B1e2", "limit"));
    }

    @ParameterizedTest
    @MethodSource("reproducers")
    void eachReproducerIsA400ProblemNamingTheField(String request, String field) throws Exception {
        int space = request.indexOf(' ', request.indexOf(' ') + 1);
        String line = space < 0 ? request : request.substring(0, space);
        String body = space < 0 ? null : request.substring(space + 1);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send("localhost", port, line + " HTTP/1.1\r\nHost: x\r\nConnection: close"
                + (body == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length), bytes, 10_000);
        System.out.printf("[reproducer] %s -> %d %s%n", request.length() > 110 ? request.substring(0, 110) + "…" : request,
                answer.status(), answer.body().length() > 200 ? answer.body().substring(0, 200) + "…" : answer.body());
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("errors").path(0).path("field").asString()).as(answer.body()).isEqualTo(field);
        assertThat(problem.path("errors").path(0).path("reason").asString()).isNotBlank();
    }

    @Test
    void aLargeWeightTableIsAcceptedAndAnOversizedBodyIsA413() throws Exception {
        StringBuilder rows = new StringBuilder();
        LocalDate day = LocalDate.of(2021, 1, 4);
        int n = 0;
        while (rows.length() < 2_000_000) { // well over the 256KB default, well under /api/backtests' 16MB
            rows.append(n++ == 0 ? "" : ",").append("{\"tradeDate\":\"").append(day.plusDays(n / 2)).append("\",\"tsCode\":\"")
                    .append(n % 2 == 0 ? "600519.SH" : "000001.SZ").append("\",\"weight\":0.4}");
        }
        String large = "{\"strategy\":\"target_weights\",\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\",\"weights\":[" + rows + "]}";
        RawHttp.Answer accepted = RawHttp.send("localhost", port, "POST /api/backtests HTTP/1.1\r\nHost: x\r\nConnection: close"
                + "\r\nContent-Type: application/json\r\nContent-Length: " + large.length(), large.getBytes(StandardCharsets.UTF_8), 60_000);
        System.out.printf("[large] %d weight rows (%d bytes) -> %d%n", n, large.length(), accepted.status());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        String huge = "{\"strategy\":\"target_weights\",\"weights\":[\"" + "x".repeat(17_000_000) + "\"]}";
        RawHttp.Answer tooLarge = RawHttp.send("localhost", port, "POST /api/backtests HTTP/1.1\r\nHost: x\r\nConnection: close"
                + "\r\nContent-Type: application/json\r\nContent-Length: " + huge.length(), huge.getBytes(StandardCharsets.UTF_8), 10_000);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(tooLarge.bodyLength()).isLessThan(1_000);

        String elsewhere = "{\"pad\":\"" + "y".repeat(300_000) + "\"}";
        RawHttp.Answer limited = RawHttp.send("localhost", port, "POST /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close"
                + "\r\nContent-Type: application/json\r\nContent-Length: " + elsewhere.length(), elsewhere.getBytes(StandardCharsets.UTF_8),
                10_000);
        assertThat(limited.status()).isEqualTo(413);
    }
}
