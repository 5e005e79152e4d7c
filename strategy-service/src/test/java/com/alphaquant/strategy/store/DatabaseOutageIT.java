package com.alphaquant.strategy.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.events.StrategySignal;
import com.alphaquant.strategy.factors.FakeFactorService;
import com.alphaquant.strategy.live.SignalEngine;
import com.alphaquant.strategy.live.StrategyDefinition;
import com.alphaquant.testsupport.FreshDatabase;
import com.alphaquant.testsupport.net.TcpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * strategy-service losing what it depends on and getting it back. Its database connections go
 * through a {@link TcpProxy} the test cuts: every API call that needs the database must then
 * answer 503 with a problem body and {@code Retry-After} within 2 s, readiness DOWN and liveness
 * UP, and the service recovers by itself once the database is back. A schema dropped under the
 * running service is readiness DOWN and a 503 "Database not ready" until it is migrated again.
 * factor-service ({@link FakeFactorService}, behind its own proxy) going away is a 503 for an
 * evaluation only: stored signals are still served and the service stays ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false", "alphaquant.outbox.enabled=false",
        "alphaquant.strategy.factor-service-read-timeout=10s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    static final String DATABASE = FreshDatabase.create("aq_outage_strategy");
    static final TcpProxy PROXY = TcpProxy.toUrl(DATABASE);
    static final FakeFactorService FACTORS = FakeFactorService.start(LocalDate.parse("2099-12-31"));
    static final TcpProxy FACTOR_PROXY = TcpProxy.toUrl(FACTORS.url());
    static final LocalDate DAY = LocalDate.parse("2024-01-02");
    static final String SIGNALS = "/api/strategies/multi_factor/signals?date=" + DAY;
    static final String EVALUATE = "/api/strategies/multi_factor/evaluate";
    static final String EVALUATE_BODY = "{\"date\":\"" + DAY + "\"}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PROXY.redirect(DATABASE));
        registry.add("spring.datasource.username", FreshDatabase::user);
        registry.add("spring.datasource.password", FreshDatabase::password);
        registry.add("alphaquant.strategy.factor-service-url", () -> FACTOR_PROXY.redirect(FACTORS.url()));
    }

    @AfterAll
    static void stop() {
        PROXY.close();
        FACTOR_PROXY.close();
        FACTORS.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    SignalEngine engine;
    @Autowired
    SignalStore store;
    @Autowired
    Flyway flyway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Order(1)
    void aDatabaseOutageIsA503WithinTwoSecondsAndTheServiceRecoversByItself() throws Exception {
        StrategyDefinition s = engine.strategies().get("multi_factor");
        for (StrategySignal signal : engine.evaluate(s, DAY)) {
            store.insertIfAbsent(signal);
        }
        assertThat(get(SIGNALS).statusCode()).isEqualTo(200);
        assertThat(post(EVALUATE, EVALUATE_BODY).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        PROXY.cut();
        try {
            whileTheDatabaseIsAway();
        } finally {
            PROXY.restore();
        }
        long restored = System.nanoTime();
        await(() -> status(SIGNALS) == 200, Duration.ofSeconds(30), "the API answering again");
        long api = System.nanoTime();
        await(() -> status("/actuator/health/readiness") == 200, Duration.ofSeconds(30), "readiness UP again");
        System.out.printf("[outage] strategy-service recovered %d ms after the database came back (readiness UP after %d ms)%n",
                (api - restored) / 1_000_000, (System.nanoTime() - restored) / 1_000_000);
        assertThat(post(EVALUATE, EVALUATE_BODY).statusCode()).isEqualTo(200);
    }

    private void whileTheDatabaseIsAway() throws Exception {
        for (String path : new String[] {SIGNALS, SIGNALS + "&ts_code=600519.SH", "/api/strategies/multi_factor/signals?date=2023-06-30"}) {
            long started = System.nanoTime();
            HttpResponse<String> r = get(path);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[outage] strategy-service GET %s -> %d in %d ms%n", path, r.statusCode(), millis);
            assertUnavailable(r, "Database unavailable");
            assertThat(millis).as(path).isLessThan(2_000);
        }
        long started = System.nanoTime();
        HttpResponse<String> evaluated = post(EVALUATE, EVALUATE_BODY);
        long evaluateMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] strategy-service POST %s -> %d in %d ms%n", EVALUATE, evaluated.statusCode(), evaluateMillis);
        assertUnavailable(evaluated, "Database unavailable");
        assertThat(evaluateMillis).isLessThan(2_000);

        // Answers that need no database go on.
        assertThat(get("/api/strategies").statusCode()).isEqualTo(200);

        started = System.nanoTime();
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        long readinessMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        System.out.printf("[outage] strategy-service readiness -> %d in %d ms; liveness -> %d%n", readiness.statusCode(),
                readinessMillis, liveness.statusCode());
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readinessMillis).isLessThan(2_000);
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aSchemaDroppedUnderTheServiceIsReadinessDownAndA503() throws Exception {
        await(() -> status(SIGNALS) == 200, Duration.ofSeconds(30), "the API answering");
        try (Connection c = DriverManager.getConnection(DATABASE, FreshDatabase.user(), FreshDatabase.password());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        long started = System.nanoTime();
        HttpResponse<String> r = get(SIGNALS);
        System.out.printf("[outage] strategy-service GET %s without its schema -> %d in %d ms%n", SIGNALS, r.statusCode(),
                (System.nanoTime() - started) / 1_000_000);
        assertUnavailable(r, "Database not ready");
        assertUnavailable(post(EVALUATE, EVALUATE_BODY), "Database not ready");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        flyway.migrate(); // the schema restored (empty): ready again
        assertThat(get(SIGNALS).statusCode()).isEqualTo(200);
        assertThat(get(SIGNALS).body()).isEqualTo("[]");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void factorServiceUnreachableIsA503ForAnEvaluationOnly() throws Exception {
        await(() -> status(SIGNALS) == 200, Duration.ofSeconds(30), "the API answering");
        FACTOR_PROXY.cut();
        try {
            long started = System.nanoTime();
            HttpResponse<String> r = post(EVALUATE, EVALUATE_BODY);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[outage] strategy-service POST %s with factor-service unreachable -> %d in %d ms%n", EVALUATE,
                    r.statusCode(), millis);
            assertUnavailable(r, "Factors unavailable");
            assertThat(millis).isLessThan(2_000);
            assertThat(get(SIGNALS).statusCode()).as("stored signals need no factor-service").isEqualTo(200);
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            FACTOR_PROXY.restore();
        }
        long restored = System.nanoTime();
        await(() -> postStatus(EVALUATE, EVALUATE_BODY) == 200, Duration.ofSeconds(30), "evaluations answering again");
        System.out.printf("[outage] strategy-service evaluating again %d ms after factor-service came back%n",
                (System.nanoTime() - restored) / 1_000_000);
    }

    private static void assertUnavailable(HttpResponse<String> r, String title) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).contains("\"title\":\"" + title + "\"");
    }

    private int status(String path) {
        try {
            return get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private int postStatus(String path, String body) {
        try {
            return post(path, body).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
