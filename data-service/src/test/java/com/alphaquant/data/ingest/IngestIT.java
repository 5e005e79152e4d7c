package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.data.tushare.TushareClient;
import com.alphaquant.events.EventSerde;
import com.alphaquant.events.MarketDataReady;
import com.alphaquant.events.Topics;
import com.alphaquant.support.calls.InternalToken;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.Scrape;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingestion end to end: the real REST API, real PostgreSQL, an in-JVM KRaft Kafka broker and
 * tushare-sim (a real HTTP server speaking Tushare's protocol) over the real 300-stock sample,
 * into which a few malformed rows are planted. Expected counts are computed from the files. The
 * service asks for the internal token, as in compose and Kubernetes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.data.job-stale-after=2s", "alphaquant.data.job-poll-interval=200ms",
        "alphaquant.data.tushare.backoff-base=20ms", "alphaquant.data.tushare.backoff-max=200ms",
        "alphaquant.data.tushare.timeout=2s", "alphaquant.data.tushare.concurrency=5"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class IngestIT {

    static final SimFixture sim = SimFixture.start();
    static final String INTERNAL_TOKEN = "internal-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_ingest");
        TestInfra.kafka(registry);
        sim.configure(registry);
        registry.add("alphaquant.internal-token", () -> INTERNAL_TOKEN);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TushareClient client;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void noFaults() {
        sim.clearFaults();
    }

    /** A request as the gateway or another service sends it: with the internal token. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(InternalToken.HEADER, INTERNAL_TOKEN);
    }

    private UUID submit(String body) throws Exception {
        HttpResponse<String> r = http.send(request("/api/data/ingest")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return UUID.fromString(json.readTree(r.body()).get("id").asString());
    }

    private JsonNode job(UUID id) throws Exception {
        return json.readTree(http.send(request("/api/data/jobs/" + id).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode awaitEnd(UUID id, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = job(id);
            String status = job.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("PAUSED")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not end within " + limit + ": " + job(id));
    }

    /** The market.data.ready events job {@code id} put in the outbox. */
    private List<MarketDataReady> ready(UUID id) {
        EventSerde serde = new EventSerde();
        return jdbc.queryForList("select payload from outbox where topic = ? and payload like ?", String.class,
                        Topics.MARKET_DATA_READY, "%\"jobId\":\"" + id + "\"%").stream()
                .map(p -> serde.deserialize(Topics.MARKET_DATA_READY, p.getBytes(StandardCharsets.UTF_8), MarketDataReady.class))
                .toList();
    }

    private void assertOneReady(UUID id, String start, String end, String... datasets) {
        List<MarketDataReady> events = ready(id);
        assertThat(events).hasSize(1);
        MarketDataReady event = events.get(0);
        assertThat(event.eventId()).isEqualTo(MarketDataReady.idFor(id.toString()));
        assertThat(event.startDate()).isEqualTo(LocalDate.parse(start));
        assertThat(event.endDate()).isEqualTo(LocalDate.parse(end));
        assertThat(event.datasets()).containsExactly(datasets);
        assertThat(event.tsCodes()).isEmpty();
        assertThat(event.key()).isEqualTo(MarketDataReady.KEY);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    @Order(1)
    void loadsTheWholeSampleCountsRejectsAndThenNeverCallsTushareAgain() throws Exception {
        String request = """
                {"datasets":["stock_basic","trade_cal","daily","adj_factor","index_daily"],"tsCodes":["all"],
                 "startDate":"2018-01-02","endDate":"2022-12-20"}""";
        UUID first = submit(request);
        JsonNode done = awaitEnd(first, Duration.ofMinutes(4));

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        SimFixture.Expected expected = sim.expected();
        assertThat(count("select count(*) from daily_bar")).isEqualTo(expected.validDailyRows());
        assertThat(count("select count(*) from adj_factor")).isEqualTo(expected.adjRows());
        assertThat(count("select count(*) from index_bar")).isEqualTo(expected.indexRows(LocalDate.of(2018, 1, 2), LocalDate.of(2022, 12, 20)));
        assertThat(count("select count(*) from security")).isEqualTo(350);
        assertThat(jdbc.queryForObject("select sum(close) from daily_bar", Double.class))
                .isCloseTo(expected.validDailyCloseSum(), org.assertj.core.data.Offset.offset(1e-3));
        // The planted bad rows were rejected and counted by reason, not stored and not lost.
        Map<String, Long> rejected = json.convertValue(done.get("rejectedByReason"),
                new tools.jackson.core.type.TypeReference<Map<String, Long>>() {});
        assertThat(rejected).isEqualTo(SimFixture.PLANTED);
        assertThat(done.get("rowsRejected").asLong()).isEqualTo(SimFixture.PLANTED.values().stream().mapToLong(Long::longValue).sum());
        assertThat(done.get("callsPerMinute").asDouble()).isPositive();
        // One "day complete" event for the job, after all its per-unit market.data.ingested events.
        assertOneReady(first, "2018-01-02", "2022-12-20", "adj_factor", "daily", "index_daily", "stock_basic", "trade_cal");
        assertThat(count("select min(id) from outbox where topic = ?", Topics.MARKET_DATA_READY))
                .isGreaterThan(count("select max(id) from outbox where topic = ?", Topics.MARKET_DATA_INGESTED));

        long callsBefore = sim.totalCalls();
        UUID second = submit(request);
        JsonNode again = awaitEnd(second, Duration.ofMinutes(1));
        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        // Nothing to fetch, yet the job finished: its days are complete, announced once.
        assertOneReady(second, "2018-01-02", "2022-12-20", "adj_factor", "daily", "index_daily", "stock_basic", "trade_cal");
        assertThat(sim.totalCalls()).isEqualTo(callsBefore);
        assertThat(again.get("calls").asLong()).isZero();
        assertThat(again.get("unitsTotal").asInt()).isZero();
    }

    @Test
    @Order(2)
    void aJobKilledHalfWayResumesToTheRowsOfACleanRun() throws Exception {
        // The same data again in a dataset not loaded yet would need a fresh database; instead
        // wipe one year of daily bars and its watermarks, as if never loaded.
        jdbc.update("delete from daily_bar where trade_date between '2019-01-01' and '2019-12-31'");
        jdbc.update("delete from coverage where dataset = 'daily' and from_date between '2019-01-01' and '2019-12-31'");
        long clean = sim.expected().validDailyRows(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));

        sim.failAfter(60); // Tushare stops answering (bad token) after 60 more calls: the worker dies mid-job
        UUID id = submit("""
                {"datasets":["daily"],"tsCodes":["all"],"startDate":"2019-01-01","endDate":"2019-12-31"}""");
        JsonNode died = awaitEnd(id, Duration.ofMinutes(2));
        assertThat(died.get("status").asString()).isEqualTo("FAILED");
        long partial = count("select count(*) from daily_bar where trade_date between '2019-01-01' and '2019-12-31'");
        assertThat(partial).isPositive().isLessThan(clean);
        assertThat(ready(id)).isEmpty(); // a job that died half-way announces nothing

        // A crashed worker leaves its job RUNNING with a stale heartbeat: another claims and resumes it.
        sim.clearFaults();
        jdbc.update("update ingest_job set status = 'RUNNING', heartbeat_at = now() - interval '1 hour', finished_at = null where id = ?", id);
        JsonNode resumed = awaitEnd(id, Duration.ofMinutes(2));

        assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(count("select count(*) from daily_bar where trade_date between '2019-01-01' and '2019-12-31'")).isEqualTo(clean);
        assertThat(resumed.get("unitsDone").asInt()).isEqualTo(resumed.get("unitsTotal").asInt());
        assertOneReady(id, "2019-01-01", "2019-12-31", "daily");
    }

    @Test
    @Order(3)
    void rateLimitsServerErrorsAndTimeoutsAreRetriedAndTheJobCompletes() throws Exception {
        jdbc.update("delete from adj_factor where trade_date between '2020-01-01' and '2020-06-30'");
        jdbc.update("delete from coverage where dataset = 'adj_factor' and from_date between '2020-01-01' and '2020-06-30'");
        long retriesBefore = client.retries();
        sim.faults("429:0.1,ratelimit:0.1,5xx:0.1,timeout:0.03,malformed:0.05");

        JsonNode done = awaitEnd(submit("""
                {"datasets":["adj_factor"],"tsCodes":["all"],"startDate":"2020-01-01","endDate":"2020-06-30"}"""),
                Duration.ofMinutes(3));

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(client.retries() - retriesBefore).isGreaterThan(5);
        assertThat(count("select count(*) from adj_factor where trade_date between '2020-01-01' and '2020-06-30'"))
                .isEqualTo(sim.expected().adjRows(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30)));
    }

    @Test
    @Order(4)
    void anInvalidTokenFailsFastWithAClearMessage() throws Exception {
        jdbc.update("delete from coverage where dataset = 'daily' and from_date between '2021-03-01' and '2021-03-31'");
        sim.failAfter(0);
        long retriesBefore = client.retries();

        UUID id = submit("""
                {"datasets":["daily"],"tsCodes":["all"],"startDate":"2021-03-01","endDate":"2021-03-31"}""");
        JsonNode failed = awaitEnd(id, Duration.ofSeconds(30));

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("message").asString()).contains("INVALID_TOKEN", "daily").doesNotContain(SimFixture.TOKEN);
        assertThat(client.retries()).isEqualTo(retriesBefore);
        assertThat(ready(id)).isEmpty();
    }

    @Test
    @Order(5)
    void theScrapeShowsTushareCallsRetriesAndRowsAndNoLogLineShowsASecret(CapturedOutput output) throws Exception {
        jdbc.update("delete from coverage where dataset = 'daily' and from_date between '2021-04-01' and '2021-04-30'");
        sim.failAfter(0);
        JsonNode failed = awaitEnd(submit("""
                {"datasets":["daily"],"tsCodes":["all"],"startDate":"2021-04-01","endDate":"2021-04-30"}"""), Duration.ofSeconds(30));
        HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/data/jobs/"
                + UUID.randomUUID())).header(InternalToken.HEADER, "x" + INTERNAL_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(scrape.statusCode()).as("the scrape needs no token").isEqualTo(200);
        // The counts of the earlier tests: the whole sample, the retried faults, the refused token.
        assertThat(Scrape.value(scrape.body(), "alphaquant_tushare_calls_total{api=\"daily\",outcome=\"ok\"}")).isGreaterThan(1000);
        assertThat(Scrape.value(scrape.body(), "alphaquant_tushare_calls_total{api=\"daily\",outcome=\"invalid_token\"}")).isPositive();
        assertThat(Scrape.value(scrape.body(), "alphaquant_tushare_retries_total{api=\"adj_factor\"}")).isGreaterThan(5);
        // Every valid daily row once, and again for the year test 2 loaded twice; the planted bad rows.
        assertThat(Scrape.value(scrape.body(), "alphaquant_ingest_rows_total{dataset=\"daily\",result=\"stored\"}"))
                .isGreaterThanOrEqualTo(sim.expected().validDailyRows());
        assertThat(Scrape.value(scrape.body(), "alphaquant_ingest_rows_total{dataset=\"daily\",result=\"rejected\"}")).isPositive();
        assertThat(output.getAll()).as("the failure was logged").contains("INVALID_TOKEN")
                .doesNotContain(SimFixture.TOKEN).doesNotContain(INTERNAL_TOKEN);
    }

    @Test
    @Order(6)
    void servesWhatWasLoadedWithAdjustments() throws Exception {
        HttpResponse<String> csv = http.send(request("/api/data/bars?ts_code=600519.SH&start=2022-01-04&end=2022-01-10&adjust=qfq")
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(1 + 5).first().asString().startsWith("ts_code,trade_date,open");

        JsonNode none = json.readTree(http.send(request("/api/data/bars?ts_code=600519.SH&start=2022-01-04&end=2022-01-04").build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode qfq = json.readTree(http.send(request("/api/data/bars?ts_code=600519.SH&start=2022-01-04&end=2022-01-04&adjust=qfq")
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        double raw = none.get(0).get("close").asDouble();
        double factor = none.get(0).get("adjFactor").asDouble();
        double latest = jdbc.queryForObject("select adj_factor from adj_factor where ts_code = '600519.SH' order by trade_date desc limit 1", Double.class);
        assertThat(qfq.get(0).get("close").asDouble()).isCloseTo(raw * factor / latest, org.assertj.core.data.Offset.offset(1e-9));
    }
}
