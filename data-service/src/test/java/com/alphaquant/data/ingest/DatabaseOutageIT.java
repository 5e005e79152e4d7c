package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.testsupport.FreshDatabase;
import com.alphaquant.tusharesim.TushareSim;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service losing its database and getting it back. Its connections go through a {@link
 * TcpProxy} that the test cuts: every API call must then answer 503 with a problem body and
 * {@code Retry-After} within 2 s, readiness DOWN and liveness UP; the job worker keeps polling
 * through failed claims; once the database is back the service recovers by itself and a job
 * submitted then runs to the end. A schema dropped under the running service is readiness DOWN
 * and 503 too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.data.job-poll-interval=100ms",
        "alphaquant.data.tushare.backoff-base=20ms", "alphaquant.data.tushare.backoff-max=200ms",
        "alphaquant.data.tushare.timeout=2s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    static final String DATABASE = FreshDatabase.create("aq_outage_data");
    static final TcpProxy PROXY = TcpProxy.toUrl(DATABASE);
    static final String TOKEN = "outage-token";
    /** Tushare for the job run after the outage: the trading calendar is all it asks. */
    static final TushareSim SIM = TushareSim.builder().file("trade_cal", SampleData.file(SampleData.TRADE_CAL))
            .tokens(TOKEN).callsPerMinute(60_000).start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PROXY.redirect(DATABASE));
        registry.add("spring.datasource.username", FreshDatabase::user);
        registry.add("spring.datasource.password", FreshDatabase::password);
        registry.add("alphaquant.data.tushare.url", SIM::url);
        registry.add("alphaquant.data.tushare.token", () -> TOKEN);
        registry.add("alphaquant.data.tushare.calls-per-minute", () -> 60_000);
    }

    @AfterAll
    static void stop() {
        PROXY.close();
        SIM.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    IngestWorker worker;
    @Autowired
    Flyway flyway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @Order(1)
    void anOutageIsA503WithinTwoSecondsAndTheServiceRecoversByItself() throws Exception {
        assertThat(get("/api/data/securities").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        PROXY.cut();
        try {
            whileTheDatabaseIsAway();
        } finally {
            PROXY.restore();
        }
        long restored = System.nanoTime();
        await(() -> status("/api/data/securities") == 200, Duration.ofSeconds(30), "the API answering again");
        await(() -> status("/actuator/health/readiness") == 200, Duration.ofSeconds(30), "readiness UP again");
        System.out.printf("[outage] data-service recovered %d ms after the database came back%n",
                (System.nanoTime() - restored) / 1_000_000);

        HttpResponse<String> accepted = post("/api/data/ingest", ingestBody());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String job = json.readTree(accepted.body()).get("progress").asString();
        await(() -> jobStatus(job).equals("SUCCEEDED"), Duration.ofSeconds(60), "the job submitted after the outage to succeed");
    }

    private void whileTheDatabaseIsAway() throws Exception {
        long failuresBefore = worker.claimFailures();
        for (String path : new String[] {"/api/data/securities", "/api/data/bars?ts_code=600519.SH&start=2022-01-04&end=2022-01-31",
                "/api/data/calendar?start=2022-01-01&end=2022-01-31", "/api/data/jobs/00000000-0000-0000-0000-000000000001"}) {
            long started = System.nanoTime();
            HttpResponse<String> r = get(path);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[outage] data-service GET %s -> %d in %d ms%n", path, r.statusCode(), millis);
            assertUnavailable(r);
            assertThat(millis).as(path).isLessThan(2_000);
        }
        long started = System.nanoTime();
        HttpResponse<String> submit = post("/api/data/ingest", ingestBody());
        long submitMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] data-service POST /api/data/ingest -> %d in %d ms%n", submit.statusCode(), submitMillis);
        assertUnavailable(submit);
        assertThat(submitMillis).isLessThan(2_000);

        started = System.nanoTime();
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        long readinessMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] data-service readiness -> %d in %d ms; liveness -> %d%n", readiness.statusCode(),
                readinessMillis, get("/actuator/health/liveness").statusCode());
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readinessMillis).isLessThan(2_000);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        // The worker meets the outage at every poll; more failed claims than it has slots shows it never wedges.
        await(() -> worker.claimFailures() >= failuresBefore + 3, Duration.ofSeconds(30), "three failed claims");
    }

    @Test
    @Order(2)
    void aSchemaDroppedUnderTheServiceIsReadinessDownAndA503() throws Exception {
        await(() -> status("/api/data/securities") == 200, Duration.ofSeconds(30), "the API answering");
        try (Connection c = DriverManager.getConnection(DATABASE, FreshDatabase.user(), FreshDatabase.password());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        HttpResponse<String> r = get("/api/data/securities");
        assertUnavailable(r);
        assertThat(r.body()).contains("Database not ready");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        flyway.migrate(); // the schema restored: ready again
        assertThat(get("/api/data/securities").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private static void assertUnavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }

    private static String ingestBody() {
        return """
                {"datasets":["trade_cal"],"tsCodes":["all"],"startDate":"2022-01-01","endDate":"2022-03-31"}""";
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
