package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.testsupport.FreshDatabase;
import com.alphaquant.tusharesim.TushareSim;
import com.alphaquant.testsupport.net.TcpProxy;
import com.alphaquant.testsupport.http.LocalService;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
    LocalService service;
    @Autowired
    IngestWorker worker;
    @Autowired
    Flyway flyway;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void connect() {
        service = new LocalService(port);
    }


    @Test
    @Order(1)
    void anOutageIsA503WithinTwoSecondsAndTheServiceRecoversByItself() throws Exception {
        assertThat(service.get("/api/data/securities").statusCode()).isEqualTo(200);
        assertThat(service.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        PROXY.cut();
        try {
            whileTheDatabaseIsAway();
        } finally {
            PROXY.restore();
        }
        long restored = System.nanoTime();
        await("the API answering again").atMost(Duration.ofSeconds(30))
                .until(() -> service.status("/api/data/securities") == 200);
        await("readiness UP again").atMost(Duration.ofSeconds(30))
                .until(() -> service.status("/actuator/health/readiness") == 200);
        System.out.printf("[outage] data-service recovered %d ms after the database came back%n",
                (System.nanoTime() - restored) / 1_000_000);

        HttpResponse<String> accepted = service.post("/api/data/ingest", ingestBody());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String job = json.readTree(accepted.body()).get("progress").asString();
        await("the job submitted after the outage to succeed").atMost(Duration.ofSeconds(60))
                .until(() -> jobStatus(job).equals("SUCCEEDED"));
    }

    private void whileTheDatabaseIsAway() throws Exception {
        long failuresBefore = worker.claimFailures();
        for (String path : new String[] {"/api/data/securities", "/api/data/bars?ts_code=600519.SH&start=2022-01-04&end=2022-01-31",
                "/api/data/calendar?start=2022-01-01&end=2022-01-31", "/api/data/jobs/00000000-0000-0000-0000-000000000001"}) {
            long started = System.nanoTime();
            HttpResponse<String> r = service.get(path);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[outage] data-service GET %s -> %d in %d ms%n", path, r.statusCode(), millis);
            assertUnavailable(r);
            assertThat(millis).as(path).isLessThan(2_000);
        }
        long started = System.nanoTime();
        HttpResponse<String> submit = service.post("/api/data/ingest", ingestBody());
        long submitMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] data-service POST /api/data/ingest -> %d in %d ms%n", submit.statusCode(), submitMillis);
        assertUnavailable(submit);
        assertThat(submitMillis).isLessThan(2_000);

        started = System.nanoTime();
        HttpResponse<String> readiness = service.get("/actuator/health/readiness");
        long readinessMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[outage] data-service readiness -> %d in %d ms; liveness -> %d%n", readiness.statusCode(),
                readinessMillis, service.get("/actuator/health/liveness").statusCode());
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readinessMillis).isLessThan(2_000);
        assertThat(service.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        // The worker meets the outage at every poll; more failed claims than it has slots shows it never wedges.
        await("three failed claims").atMost(Duration.ofSeconds(30))
                .until(() -> worker.claimFailures() >= failuresBefore + 3);
    }

    @Test
    @Order(2)
    void aSchemaDroppedUnderTheServiceIsReadinessDownAndA503() throws Exception {
        await("the API answering").atMost(Duration.ofSeconds(30))
                .until(() -> service.status("/api/data/securities") == 200);
        try (Connection c = DriverManager.getConnection(DATABASE, FreshDatabase.user(), FreshDatabase.password());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        HttpResponse<String> r = service.get("/api/data/securities");
        assertUnavailable(r);
        assertThat(r.body()).contains("Database not ready");
        assertThat(service.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(service.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        flyway.migrate(); // the schema restored: ready again
        assertThat(service.get("/api/data/securities").statusCode()).isEqualTo(200);
        assertThat(service.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
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
            HttpResponse<String> r = service.get(path);
            return r.statusCode() == 200 ? json.readTree(r.body()).path("status").asString() : "";
        } catch (Exception e) {
            return "";
        }
    }
}
