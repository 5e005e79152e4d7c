package com.alphaquant.backtest.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.FakeDataService;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * backtest-service losing its database and getting it back. Its connections go through a {@link
 * TcpProxy} that the test cuts: every API call must then answer 503 with a problem body and
 * {@code Retry-After} within 2 s, readiness DOWN and liveness UP; the job worker keeps polling
 * through failed claims; once the database is back the service recovers by itself and a backtest
 * submitted then runs to the end. A schema dropped under the running service is readiness DOWN
 * and 503 "Database not ready" too, until it is migrated again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.backtest.job-poll-interval=100ms", "alphaquant.backtest.bars=data-service",
        "alphaquant.backtest.job-stale-after=3s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    static final String DATABASE = FreshDatabase.create("aq_outage_backtest");
    static final TcpProxy PROXY = TcpProxy.toUrl(DATABASE);
    static final FakeDataService DATA_SERVICE = FakeDataService.shared();
    static final String BACKTEST = """
            {"strategy":"buy_and_hold","startDate":"2022-11-01","endDate":"2022-12-20","stocks":["600000.SH","600519.SH"]}""";
    static final String OPTIMIZE = """
            {"base":%s,"ranges":[{"name":"fill","values":["open","close"]}],"objective":"max_return"}""".formatted(BACKTEST);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PROXY.redirect(DATABASE));
        registry.add("spring.datasource.username", FreshDatabase::user);
        registry.add("spring.datasource.password", FreshDatabase::password);
        registry.add("alphaquant.backtest.data-service-url", DATA_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        PROXY.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JobWorker worker;
    @Autowired
    Flyway flyway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @Order(1)
    void anOutageIsA503WithinTwoSecondsAndTheServiceRecoversByItself() throws Exception {
        String backtest = submitted("/api/backtests", BACKTEST);
        await(() -> jobStatus(backtest).equals("SUCCEEDED"), Duration.ofSeconds(60), "a backtest before the outage");
        String optimization = submitted("/api/backtests/optimize", OPTIMIZE);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        PROXY.cut();
        try {
            whileTheDatabaseIsAway(backtest, optimization);
        } finally {
            PROXY.restore();
        }
        long restored = System.nanoTime();
        await(() -> status(backtest) == 200, Duration.ofSeconds(30), "the API answering again");
        await(() -> status("/actuator/health/readiness") == 200, Duration.ofSeconds(30), "readiness UP again");
        System.out.printf("[outage] backtest-service recovered %d ms after the database came back%n",
                (System.nanoTime() - restored) / 1_000_000);

        String after = submitted("/api/backtests", BACKTEST);
        await(() -> jobStatus(after).equals("SUCCEEDED"), Duration.ofSeconds(60), "the backtest submitted after the outage to succeed");
        await(() -> jobStatus(optimization).equals("SUCCEEDED"), Duration.ofSeconds(120),
                "the optimisation submitted before the outage to succeed");
    }

    private void whileTheDatabaseIsAway(String backtest, String optimization) throws Exception {
        long failuresBefore = worker.claimFailures();
        for (String path : new String[] {backtest, backtest + "/equity", backtest + "/trades", backtest + "/rejections", optimization,
                "/api/backtests/00000000-0000-0000-0000-000000000001"}) {
            long started = System.nanoTime();
            HttpResponse<String> r = get(path);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[outage] backtest-service GET %s -> %d in %d ms%n", path, r.statusCode(), millis);
            assertUnavailable(r);
            assertThat(millis).as(path).isLessThan(2_000);
        }
        for (String[] submit : new String[][] {{"/api/backtests", BACKTEST}, {"/api/backtests/optimize", OPTIMIZE}}) {
            long started = System.nanoTime();
            HttpResponse<String> r = post(submit[0], submit[1]);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[outage] backtest-service POST %s -> %d in %d ms%n", submit[0], r.statusCode(), millis);
            assertUnavailable(r);
            assertThat(millis).as(submit[0]).isLessThan(2_000);
        }
        // Bad input is still the caller's fault, outage or not: refused before the database is asked.
        assertThat(post("/api/backtests", "{\"strategy\":\"buy_and_hold\",\"minCommission\":1e308}").statusCode()).isEqualTo(400);

        long started = System.nanoTime();
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        long readinessMillis = (System.nanoTime() - started) / 1_000_000;
        int liveness = get("/actuator/health/liveness").statusCode();
        System.out.printf("[outage] backtest-service readiness -> %d in %d ms; liveness -> %d%n", readiness.statusCode(),
                readinessMillis, liveness);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readinessMillis).isLessThan(2_000);
        assertThat(liveness).isEqualTo(200);

        // The worker meets the outage at every poll; more failed claims than it has slots shows it never wedges.
        await(() -> worker.claimFailures() >= failuresBefore + 3, Duration.ofSeconds(30), "three failed claims");
        System.out.printf("[outage] backtest-service worker: %d failed claims during the outage%n",
                worker.claimFailures() - failuresBefore);
    }

    @Test
    @Order(2)
    void aSchemaDroppedUnderTheServiceIsReadinessDownAndA503() throws Exception {
        String before = submitted("/api/backtests", BACKTEST);
        await(() -> status(before) == 200, Duration.ofSeconds(30), "the API answering");
        try (Connection c = DriverManager.getConnection(DATABASE, FreshDatabase.user(), FreshDatabase.password());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        HttpResponse<String> r = get(before);
        assertUnavailable(r);
        assertThat(r.body()).contains("Database not ready");
        HttpResponse<String> submit = post("/api/backtests", BACKTEST);
        assertUnavailable(submit);
        assertThat(submit.body()).contains("Database not ready");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        flyway.migrate(); // the schema restored: ready again
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        String after = submitted("/api/backtests", BACKTEST);
        assertThat(get(after).statusCode()).isEqualTo(200);
        await(() -> jobStatus(after).equals("SUCCEEDED"), Duration.ofSeconds(60), "a backtest on the migrated schema");
    }

    private static void assertUnavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }

    /** Submits and returns the job's location. */
    private String submitted(String path, String body) throws Exception {
        HttpResponse<String> r = post(path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private String jobStatus(String path) {
        try {
            HttpResponse<String> r = get(path);
            return r.statusCode() == 200 ? json.readTree(r.body()).path("status").asString() : "";
        } catch (Exception e) {
            return "";
        }
    }

    private int status(String path) {
        try {
            return get(path).statusCode();
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
