package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.TushareCsv;
import com.alphaquant.testsupport.TestInfra;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * stk_limit and suspend_d end to end: tushare-sim serving the synthetic files (data/sample/synthetic),
 * the ingest API, real PostgreSQL, and the cross-check of the stored exchange limits against the
 * rule book. The synthetic limits are the exchange's computation, which differs from the rule
 * book on one day only: 000792.SZ's relisting on 2021-08-10, which the exchange left unlimited
 * and the book (which does not model relistings) limits at ±10%. Expected values are read from
 * the files here, independently of data-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.data.job-poll-interval=200ms"})
class LimitsIT {

    static final SimFixture sim = SimFixture.start();
    private static final LocalDate START = LocalDate.of(2021, 7, 1);
    private static final LocalDate END = LocalDate.of(2021, 9, 30);
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private final JsonMapper json = JsonMapper.builder().build();
    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        sim.configure(registry);
        TestInfra.postgres(registry, "aq_limits");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private HttpResponse<String> get(String path) {
        return new IngestApi(port).get(path);
    }

    private JsonNode ingest(String body) {
        return new IngestApi(port).ingest(body);
    }

    /** "code yyyyMMdd" of a synthetic file's rows in [START, END], of one stock or (null) all. */
    private static List<String> fileRows(String file, String code) {
        List<String> out = new ArrayList<>();
        TushareCsv.forEachRow(SampleData.file(file), List.of("ts_code", "trade_date"), row -> {
            LocalDate day = LocalDate.parse(row.text("trade_date"), YMD);
            if (!day.isBefore(START) && !day.isAfter(END) && (code == null || code.equals(row.text("ts_code")))) {
                out.add(row.text("ts_code") + " " + row.text("trade_date"));
            }
        });
        return out;
    }

    /** Bars of the daily file in [START, END] of the stocks the limit file covers (of one stock, or all). */
    private static long barsOfLimitStocks(String code) {
        Set<String> limitStocks = new HashSet<>();
        TushareCsv.forEachRow(SampleData.file(SampleData.SYNTHETIC_STK_LIMIT), List.of("ts_code"), row -> limitStocks.add(row.text("ts_code")));
        long[] n = {0};
        TushareCsv.forEachRow(SampleData.file(SampleData.BARS_300), List.of("ts_code", "trade_date"), row -> {
            LocalDate day = LocalDate.parse(row.text("trade_date"), YMD);
            String c = row.text("ts_code");
            if (!day.isBefore(START) && !day.isAfter(END) && limitStocks.contains(c) && (code == null || code.equals(c))) {
                n[0]++;
            }
        });
        return n[0];
    }

    private JsonNode check(String query) throws Exception {
        HttpResponse<String> r = get("/api/data/limits/check?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static List<String> mismatches(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : report.get("mismatches")) {
            out.add(m.get("tsCode").asString() + " " + m.get("tradeDate").asString() + " " + m.get("side").asString() + " "
                    + m.get("ours").asString("null") + " " + m.get("exchange").asString("null") + " " + m.get("reason").asString());
        }
        return out;
    }

    @Test
    void ingestsLimitsAndSuspensionsAndTheRuleBookDisagreesOnlyOnTheRelisting() throws Exception {
        HttpResponse<String> before = get("/api/data/limits/check?start=2021-07-01&end=2021-09-30");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(409);
        assertThat(before.body()).contains("namechange");

        String request = """
                {"datasets":["stock_basic","namechange","daily","stk_limit","suspend_d"],"tsCodes":["all"],
                 "startDate":"2021-07-01","endDate":"2021-09-30"}""";
        JsonNode done = ingest(request);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");

        List<String> limitRows = fileRows(SampleData.SYNTHETIC_STK_LIMIT, null);
        JsonNode all = check("start=2021-07-01&end=2021-09-30");
        System.out.println("limits/check over the synthetic fixture: " + all);
        assertThat(all.get("exchangeRows").asInt()).isEqualTo(limitRows.size()).isGreaterThan(1500);
        assertThat(all.get("checked").asLong()).isEqualTo(barsOfLimitStocks(null));
        assertThat(all.get("agreed").asInt()).isEqualTo(all.get("checked").asInt() - 1);
        assertThat(all.get("exchangeRowsWithoutBar").asInt()).isZero();
        assertThat(all.get("withoutStockBasic")).isEmpty();
        assertThat(all.get("mismatchCount").asInt()).isEqualTo(2);
        // 8.84 × 1.1 = 9.724 → 9.72 and 8.84 × 0.9 = 7.956 → 7.96: the book's band on a day the exchange set none
        assertThat(mismatches(all)).containsExactly("000792.SZ 2021-08-10 up 9.72 null exchange_unlimited",
                "000792.SZ 2021-08-10 down 7.96 null exchange_unlimited");

        JsonNode threeGorges = check("ts_code=600900.SH&start=2021-07-01&end=2021-09-30");
        assertThat(threeGorges.get("mismatches")).isEmpty();
        assertThat(threeGorges.get("checked").asLong()).isEqualTo(barsOfLimitStocks("600900.SH")).isPositive();
        assertThat(threeGorges.get("agreed").asLong()).isEqualTo(threeGorges.get("checked").asLong());
        assertThat(mismatches(check("ts_code=000792.SZ&start=2021-08-10&end=2021-08-10"))).hasSize(2);

        // The stored rows as served to backtests: exactly the file's, none on the relisting day.
        HttpResponse<String> served = get("/api/data/limits?ts_codes=000792.SZ,600900.SH&start=2021-08-09&end=2021-08-11");
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode l : json.readTree(served.body())) {
            rows.add(l.get("tsCode").asString() + " " + l.get("tradeDate").asString().replace("-", "") + " "
                    + l.get("upLimit").asDouble() + " " + l.get("downLimit").asDouble());
        }
        List<String> expected = new ArrayList<>();
        TushareCsv.forEachRow(SampleData.file(SampleData.SYNTHETIC_STK_LIMIT), List.of("ts_code", "trade_date", "up_limit", "down_limit"),
                row -> {
                    String day = row.text("trade_date");
                    if (day.compareTo("20210809") >= 0 && day.compareTo("20210811") <= 0
                            && Set.of("000792.SZ", "600900.SH").contains(row.text("ts_code"))) {
                        expected.add(row.text("ts_code") + " " + day + " " + row.number("up_limit") + " " + row.number("down_limit"));
                    }
                });
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected).hasSize(4) // 600900.SH 3 days, 000792.SZ 08-11 only
                .noneMatch(x -> x.startsWith("000792.SZ 20210810"));
        assertThat(json.readTree(get("/api/data/limits?ts_codes=000792.SZ&start=2021-08-10&end=2021-08-10").body())).isEmpty();

        List<String> suspended = new ArrayList<>();
        HttpResponse<String> r = get("/api/data/suspensions?start=2021-07-01&end=2021-09-30");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode s : json.readTree(r.body())) {
            assertThat(s.get("suspendType").asString()).isEqualTo("S");
            suspended.add(s.get("tsCode").asString() + " " + s.get("tradeDate").asString().replace("-", ""));
        }
        assertThat(suspended).containsExactlyInAnyOrderElementsOf(fileRows(SampleData.SYNTHETIC_SUSPEND_D, null)).isNotEmpty();
        JsonNode salt = json.readTree(get("/api/data/suspensions?ts_code=000792.SZ&start=2021-07-01&end=2021-09-30").body());
        assertThat(salt).hasSize(fileRows(SampleData.SYNTHETIC_SUSPEND_D, "000792.SZ").size()).hasSize(28); // 22 July days and 08-02 .. 08-09
        assertThat(salt.get(salt.size() - 1).get("tradeDate").asString()).isEqualTo("2021-08-09");

        // Everything is covered, the days without any suspension too: a second job asks Tushare nothing.
        long limitCalls = sim.calls("stk_limit");
        long suspendCalls = sim.calls("suspend_d");
        assertThat(ingest(request).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(sim.calls("stk_limit")).isEqualTo(limitCalls);
        assertThat(sim.calls("suspend_d")).isEqualTo(suspendCalls);
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        for (String path : List.of("/api/data/limits/check", "/api/data/suspensions")) {
            for (String[] c : new String[][] {
                    {"ts_code=600150&start=2021-07-01&end=2021-09-30", "ts_code"},
                    {"ts_code=000300.SH&start=2021-07-01&end=2021-09-30", "ts_code"},
                    {"start=2021-09-30&end=2021-07-01", "end"},
                    {"start=2021-07-01", "end"},
                    {"start=2021-07-32&end=2021-09-30", "start"}}) {
                HttpResponse<String> r = get(path + "?" + c[0]);
                assertThat(r.statusCode()).as(path + "?" + c[0] + " " + r.body()).isEqualTo(400);
                assertThat(r.body()).as(c[0]).contains("\"" + c[1]);
            }
        }
        for (String[] c : new String[][] {
                {"ts_codes=600150&start=2021-07-01&end=2021-09-30", "ts_codes"},
                {"ts_codes=600900.SH,000300.SH&start=2021-07-01&end=2021-09-30", "ts_codes"},
                {"start=2021-07-01&end=2021-09-30", "ts_codes"},
                {"ts_codes=600900.SH&start=2021-09-30&end=2021-07-01", "end"},
                {"ts_codes=all&start=2015-01-05&end=2021-09-30", "end"},
                {"ts_codes=600900.SH&start=2021-07-32&end=2021-09-30", "start"}}) {
            HttpResponse<String> r = get("/api/data/limits?" + c[0]);
            assertThat(r.statusCode()).as("/api/data/limits?" + c[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains("\"" + c[1]);
        }
    }
}
