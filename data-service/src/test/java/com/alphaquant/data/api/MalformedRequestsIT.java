package com.alphaquant.data.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.data.store.BarStore;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.HttpFuzzer;
import com.alphaquant.testsupport.http.HttpFuzzer.Endpoint;
import com.alphaquant.testsupport.http.RawHttp;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * data-service under 1,200 malformed requests (seeded, {@link HttpFuzzer}) against every route,
 * over real PostgreSQL holding a slice of the sample: no answer is a 5xx, every 4xx carries a
 * problem body, and the service is healthy afterwards. Then each reproducer of the robustness
 * report, one by one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.data.job-polling=false", "alphaquant.outbox.enabled=false"})
class MalformedRequestsIT {

    static final long SEED = 20261204L;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_fuzz_data");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    BarStore store;

    @Test
    void fuzzedRequestsNeverGetA5xxAndEvery4xxIsAProblem() throws Exception {
        List<Bar> bars = BarCsv.read(SampleData.file(SampleData.BARS_MINI_30)).stream()
                .filter(b -> b.tradeDate().isAfter(LocalDate.parse("2022-10-31"))).toList();
        store.upsertBars(BarStore.Table.DAILY, bars);
        store.upsertAdjFactors(bars.stream().map(b -> new BarStore.AdjFactor(b.tsCode().toString(), b.tradeDate(), b.adjFactor()))
                .toList());
        String job = "00000000-0000-0000-0000-000000000001";
        List<Endpoint> endpoints = List.of(
                Endpoint.get("/api/data/bars", "ts_code", "600519.SH", "start", "2022-11-01", "end", "2022-12-20", "adjust", "none"),
                Endpoint.get("/api/data/bars/panel", "ts_codes", "600519.SH,000001.SZ", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/bars/panel", "ts_codes", "all", "start", "2022-12-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/indices/000300.SH/bars", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/calendar", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/securities"),
                Endpoint.get("/api/data/st", "ts_code", "600519.SH", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/limits/check", "ts_code", "600519.SH", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/limits", "ts_codes", "600519.SH,000001.SZ", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/suspensions", "ts_code", "600519.SH", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/flows/north", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/fundamentals", "ts_code", "600519.SH", "as_of", "2022-12-20", "period", "2022-09-30"),
                Endpoint.get("/api/data/industries", "date", "2022-12-20", "ts_code", "600519.SH"),
                Endpoint.get("/api/data/jobs/" + job),
                Endpoint.get("/api/data/jobs", "limit", "50"),
                Endpoint.get("/api/data/coverage", "dataset", "daily"),
                Endpoint.get("/api/data/rejections", "dataset", "daily", "limit", "100"),
                Endpoint.get("/api/data/calendar-effects", "code", "600519.SH", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.get("/api/data/calendar-effects", "code", "000300.SH", "start", "2022-11-01", "end", "2022-12-20"),
                Endpoint.post("/api/data/jobs/" + job + "/resume", "{}"),
                Endpoint.post("/api/data/ingest", """
                        {"datasets":["daily","adj_factor"],"tsCodes":["600519.SH","000001.SZ"],
                         "startDate":"2022-11-01","endDate":"2022-12-20"}"""));

        HttpFuzzer.Report report = new HttpFuzzer("localhost", port, SEED).run("data-service", endpoints, 1200);

        System.out.println(report.summary());
        report.failures().forEach(f -> System.out.println("[fuzz] " + f));
        assertThat(report.serverErrors()).isZero();
        assertThat(report.problemless4xx()).isZero();
        assertThat(report.failures()).isEmpty();
        assertThat(RawHttp.send("localhost", port, "GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close", null, 5000)
                .status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/data/bars?ts_code=%ZZ&start=2022-11-01&end=2022-12-20",
            "GET /api/data/bars?ts_code=600519.SH&start=2022-11-01&end=2022-12-20&date=%C0%AF",
            "GET /api/data/bars?ts_code=600519.SH&start=2022-11-01&end=2022-12-20&&=",
            "GET /api/data/bars?ts_code=600519.SH&start=-999999999-01-01&end=2022-12-20",
            "GET /api/data/bars/panel?ts_codes=600519.SH&start=-999999999-01-01&end=2022-12-20",
            "GET /api/data/bars/panel?ts_codes=all&start=%2B999999999-01-01&end=%2B999999999-12-31",
            "GET /api/data/indices/000300.SH/bars?start=-999999999-01-01&end=2022-12-20",
            "GET /api/data/calendar?start=2022-01-01&end=%2B999999999-12-31",
            "GET /api/data/bars?ts_code=900901.SH&start=2022-11-01&end=2022-12-20",
            "GET /api/data/jobs?limit=0",
            "GET /api/data/rejections?limit=2147483648",
            "GET /api/data/rejections?dataset=%00",
            "GET /api/data/coverage?dataset=daily%2C",
            "GET /api/data/calendar-effects?code=600519.SH&start=-999999999-01-01&end=2022-12-20",
            "GET /api/data/calendar-effects?code=600519.SH&start=2022-11-01&end=%2B999999999-12-31",
            "GET /api/data/calendar-effects?code=000905.SH&start=2022-11-01&end=2022-12-20",
            "GET /api/data/bars%2F..?ts_code=600519.SH",
            "GET /api/data/bars%5C..?ts_code=600519.SH",
            "GET /api/data/bars%00?ts_code=600519.SH",
            "TRACE /api/data/bars",
            "POST /api/data/ingest {\"datasets\":[\"daily\"],\"tsCodes\":[\"600519.SH\"],\"startDate\":99999999999,\"endDate\":\"2022-12-20\"}",
            "POST /api/data/ingest {\"datasets\":[\"daily\"],\"tsCodes\":[\"600519.SH\"],\"startDate\":0,\"endDate\":\"2022-12-20\"}",
            "POST /api/data/ingest {\"datasets\":[\"daily\"],\"tsCodes\":[\"\"],\"startDate\":\"2022-11-01\",\"endDate\":\"2022-12-20\"}",
            "POST /api/data/ingest {\"datasets\":[\"daily\"],\"startDate\":\"2022-11-01\",\"endDate\":\"2022-12-20\"}",
            "POST /api/data/ingest {\"datasets\":[\"daily\"],\"tsCodes\":[\"200002.SZ\"],\"startDate\":\"2022-11-01\",\"endDate\":\"2022-12-20\"}"})
    void eachReproducerOfTheRobustnessReportIsA4xxProblem(String request) throws Exception {
        int space = request.indexOf(' ', request.indexOf(' ') + 1);
        String line = space < 0 ? request : request.substring(0, space);
        String body = space < 0 ? null : request.substring(space + 1);
        RawHttp.Answer answer = RawHttp.send("localhost", port, line + " HTTP/1.1\r\nHost: x\r\nConnection: close"
                + (body == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes().length),
                body == null ? null : body.getBytes(), 10_000);
        System.out.printf("[reproducer] %s -> %d %s%n", request.length() > 110 ? request.substring(0, 110) + "…" : request,
                answer.status(), answer.body().length() > 160 ? answer.body().substring(0, 160) + "…" : answer.body());
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void aHugeValueIsNeverEchoed() throws Exception {
        String huge = "{\"datasets\":[\"daily\"],\"tsCodes\":[\"" + "x".repeat(10_000_000) + "\"],\"startDate\":\"2022-11-01\"}";
        RawHttp.Answer tooLarge = RawHttp.send("localhost", port, "POST /api/data/ingest HTTP/1.1\r\nHost: x\r\nConnection: close"
                + "\r\nContent-Type: application/json\r\nContent-Length: " + huge.length(), huge.getBytes(), 10_000);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.bodyLength()).isLessThan(1_000);
        String large = "{\"datasets\":[\"daily\"],\"tsCodes\":[\"" + "x".repeat(100_000) + "\"],\"startDate\":\"2022-11-01\","
                + "\"endDate\":\"2022-12-20\"}";
        RawHttp.Answer invalid = RawHttp.send("localhost", port, "POST /api/data/ingest HTTP/1.1\r\nHost: x\r\nConnection: close"
                + "\r\nContent-Type: application/json\r\nContent-Length: " + large.length(), large.getBytes(), 10_000);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.bodyLength()).isLessThan(1_000);
    }
}
