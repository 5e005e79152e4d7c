package com.alphaquant.strategy.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.events.StrategySignal;
import com.alphaquant.strategy.factors.FakeFactorService;
import com.alphaquant.strategy.live.SignalEngine;
import com.alphaquant.strategy.live.StrategyDefinition;
import com.alphaquant.strategy.store.SignalStore;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.HttpFuzzer;
import com.alphaquant.testsupport.http.HttpFuzzer.Endpoint;
import com.alphaquant.testsupport.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * strategy-service under 1,200 malformed requests (seeded, {@link HttpFuzzer}) against every
 * route, over real PostgreSQL holding a day of stored signals and a real HTTP factor-service
 * ({@link FakeFactorService}): no answer is a 5xx, every 4xx carries a problem body, and the
 * service is healthy afterwards. Then each reproducer of the robustness report, one by one, and
 * factor-service's own 400 reaching the caller as a 400 with its reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false", "alphaquant.outbox.enabled=false",
        "alphaquant.strategy.factor-service-read-timeout=10s"})
class MalformedRequestsIT {

    static final long SEED = 20261204L;
    static final LocalDate DAY = LocalDate.parse("2024-01-02");
    /** factor-service serves up to here; strategy-service's own horizon is further (2099-12-31). */
    static final LocalDate FACTOR_HORIZON = LocalDate.parse("2030-12-31");
    static final FakeFactorService FACTORS = FakeFactorService.start(FACTOR_HORIZON);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_fuzz_strategy");
        registry.add("alphaquant.strategy.factor-service-url", FACTORS::url);
    }

    @AfterAll
    static void stop() {
        FACTORS.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    SignalEngine engine;
    @Autowired
    SignalStore store;

    /** A day of stored signals, so that /signals answers rows (the same as a factors.computed would store). */
    @BeforeEach
    void storeADay() {
        StrategyDefinition s = engine.strategies().get("multi_factor");
        if (store.signals(s.name(), s.version(), DAY).isEmpty()) {
            for (StrategySignal signal : engine.evaluate(s, DAY)) {
                store.insertIfAbsent(signal);
            }
        }
        assertThat(store.signals(s.name(), s.version(), DAY)).hasSize(FakeFactorService.CODES.size());
    }

    @Test
    void fuzzedRequestsNeverGetA5xxAndEvery4xxIsAProblem() throws Exception {
        List<Endpoint> endpoints = List.of(
                Endpoint.get("/api/strategies"),
                Endpoint.get("/api/strategies/multi_factor/signals", "date", DAY.toString()),
                Endpoint.get("/api/strategies/multi_factor/signals", "date", "20240102", "ts_code", "600519.SH"),
                Endpoint.post("/api/strategies/multi_factor/evaluate", "{\"date\":\"" + DAY + "\"}"),
                Endpoint.get("/api/strategies/multi_factor/live"),
                Endpoint.get("/api/strategies/multi_factor/live/equity", "start", DAY.toString(), "end", DAY.toString()),
                Endpoint.get("/api/strategies/multi_factor/live/positions", "date", DAY.toString()),
                Endpoint.get("/api/strategies/multi_factor/live/trades", "start", DAY.toString(), "end", DAY.toString()));

        HttpFuzzer.Report report = new HttpFuzzer("localhost", port, SEED).run("strategy-service", endpoints, 1200);

        System.out.println(report.summary());
        report.failures().forEach(f -> System.out.println("[fuzz] " + f));
        assertThat(report.serverErrors()).isZero();
        assertThat(report.problemless4xx()).isZero();
        assertThat(report.failures()).isEmpty();
        assertThat(FACTORS.requests()).as("some evaluations reached factor-service").isPositive();
        assertThat(RawHttp.send("localhost", port, "GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close", null, 5000)
                .status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/strategies/multi_factor/signals?date=2024-01-02&ts_code=%ZZ",
            "GET /api/strategies/multi_factor/signals?date=%C0%AF",
            "GET /api/strategies/multi_factor/signals?date=2024-01-02&&=",
            "GET /api/strategies/multi_factor/signals?date=-999999999-01-01",
            "GET /api/strategies/multi_factor/signals?date=%2B999999999-12-31",
            "GET /api/strategies/multi_factor/signals?date=1990-12-18",
            "GET /api/strategies/multi_factor/signals?date=19900101",
            "GET /api/strategies/multi_factor/signals?date=2021-02-30",
            "GET /api/strategies/multi_factor/signals",
            "GET /api/strategies/multi_factor/signals?date=2024-01-02&ts_code=900901.SH",
            "GET /api/strategies/multi_factor/signals?date=2024-01-02&ts_code=200002.SZ",
            "GET /api/strategies/multi_factor/signals?date=2024-01-02&ts_code=000300.SH",
            "GET /api/strategies/multi_factor/signals?date=2024-01-02&ts_code=600519.sh",
            "POST /api/strategies/multi_factor/evaluate {\"date\":\"-999999999-01-01\"}",
            "POST /api/strategies/multi_factor/evaluate {\"date\":\"1990-12-18\"}",
            "POST /api/strategies/multi_factor/evaluate {\"date\":99999999999}",
            "POST /api/strategies/multi_factor/evaluate {\"date\":[]}",
            "POST /api/strategies/multi_factor/evaluate {}",
            "POST /api/strategies/multi_factor/evaluate {\"date\":\"2031-01-02\"}"})
    void eachReproducerIsA400Problem(String request) throws Exception {
        RawHttp.Answer answer = send(request);
        System.out.printf("[reproducer] %s -> %d %s%n", request, answer.status(),
                answer.body().length() > 200 ? answer.body().substring(0, 200) + "…" : answer.body());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    /** factor-service refuses a date beyond its horizon: the caller gets that 400 and its reason, not a 503. */
    @Test
    void aFactorServiceBadRequestReachesTheCallerAsA400WithItsReason() throws Exception {
        LocalDate beyond = FACTOR_HORIZON.plusDays(2);
        RawHttp.Answer answer = send("POST /api/strategies/multi_factor/evaluate {\"date\":\"" + beyond + "\"}");
        System.out.printf("[reproducer] factor-service 400 passed on -> %d %s%n", answer.status(), answer.body());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.headers()).doesNotContainKey("retry-after");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.path("title").asString()).isEqualTo("Bad Request (factor-service)");
        assertThat(problem.path("detail").asString()).isEqualTo("start: " + FACTORS.outsideReason(beyond));
    }

    @Test
    void aStockFilterAnswersItsStoredSignalAndAnUnknownStrategyIsA404NamingIt() throws Exception {
        RawHttp.Answer one = send("GET /api/strategies/multi_factor/signals?date=2024-01-02&ts_code=600519.SH");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("\"tsCode\":\"600519.SH\"").doesNotContain("000001.SZ");
        assertThat(send("GET /api/strategies/multi_factor/signals?date=2024-01-02&ts_code=830799.BJ").body()).isEqualTo("[]");

        RawHttp.Answer unknown = send("GET /api/strategies/" + "n".repeat(3000) + "/signals?date=2024-01-02");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        JsonNode problem = JsonMapper.builder().build().readTree(unknown.body());
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(problem.path("detail").asString()).startsWith("name: Unknown strategy 'nnnn").hasSizeLessThan(200);
    }

    private RawHttp.Answer send(String request) throws Exception {
        int space = request.indexOf(' ', request.indexOf(' ') + 1);
        String line = space < 0 ? request : request.substring(0, space);
        String body = space < 0 ? null : request.substring(space + 1);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send("localhost", port, line + " HTTP/1.1\r\nHost: x\r\nConnection: close"
                + (body == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length), bytes, 10_000);
    }
}
