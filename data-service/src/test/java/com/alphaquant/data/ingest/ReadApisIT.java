package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.csv.TradeCalCsv;
import com.alphaquant.market.csv.TushareCsv;
import com.alphaquant.testsupport.TestInfra;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read APIs of ingestion and analysis over a real ingest of the sample (tushare-sim with the
 * planted bad rows, real PostgreSQL): the job list, coverage, the refused rows, and calendar
 * effects. Expected values come from the sample files, computed here another way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.data.job-poll-interval=200ms", "alphaquant.data.cycle.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadApisIT {

    static final SimFixture sim = SimFixture.start();
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PLANTED_2018 = """
            {"datasets":["daily","adj_factor"],"tsCodes":["600000.SH","600519.SH"],"startDate":"2018-03-01","endDate":"2018-04-30"}""";
    private static final LocalDate START = LocalDate.parse("2021-01-04");
    private static final LocalDate END = LocalDate.parse("2022-12-20");

    private final JsonMapper json = JsonMapper.builder().build();
    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** The jobs, oldest first: the planted 2018 days, two years of one stock and the CSI 300, the name history. */
    private final List<JsonNode> jobs = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        sim.configure(registry);
        TestInfra.postgres(registry, "aq_read_apis");
    }

    @BeforeAll
    void ingest() {
        IngestApi api = new IngestApi(port);
        jobs.add(api.ingest(PLANTED_2018));
        jobs.add(api.ingest("""
                {"datasets":["daily","adj_factor","index_daily"],"tsCodes":["600519.SH","000300.SH"],
                 "startDate":"%s","endDate":"%s"}""".formatted(START, END)));
        jobs.add(api.ingest("""
                {"datasets":["namechange"],"tsCodes":["all"],"startDate":"2022-12-01","endDate":"2022-12-20"}"""));
        jobs.forEach(j -> assertThat(j.get("status").asString()).as(j.toString()).isEqualTo("SUCCEEDED"));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private HttpResponse<String> get(String path) {
        return new IngestApi(port).get(path);
    }

    private JsonNode ok(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private void assertProblem(String path, int status, String field) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(json.readTree(r.body()).path("errors").path(0).path("field").asString()).as(path + " " + r.body()).isEqualTo(field);
    }

    private static Map<String, Long> counts(JsonNode byReason) {
        Map<String, Long> counts = new TreeMap<>();
        byReason.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    // --- GET /api/data/jobs ---------------------------------------------------------------------------

    @Test
    @Order(1)
    void jobsAreListedNewestFirstEachAsItsOwnAnswer() {
        JsonNode list = ok("/api/data/jobs?limit=3");
        System.out.println("[sample] GET /api/data/jobs?limit=3 -> " + list);
        assertThat(list.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode item = list.get(i);
            JsonNode job = jobs.get(2 - i);
            assertThat(item.get("id").asString()).isEqualTo(job.get("id").asString());
            assertThat(item).isEqualTo(ok("/api/data/jobs/" + job.get("id").asString()));
        }
        // The planted job's figures: its rows refused by reason as planted; the name history's likewise.
        JsonNode planted = list.get(2);
        assertThat(planted.get("datasets").asString()).isEqualTo("adj_factor,daily");
        assertThat(counts(planted.get("rejectedByReason"))).isEqualTo(SimFixture.PLANTED);
        assertThat(planted.get("rowsRejected").asLong()).isEqualTo(9);
        assertThat(counts(list.get(0).get("rejectedByReason"))).isEqualTo(SimFixture.PLANTED_NAMECHANGE);
        assertThat(list.get(0).get("rowsStored").asLong()).isEqualTo(SimFixture.NAMECHANGE_ROWS);

        JsonNode two = ok("/api/data/jobs?limit=2");
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.get(1).get("id").asString()).isEqualTo(jobs.get(1).get("id").asString());
        assertThat(ok("/api/data/jobs").size()).isEqualTo(3);
        for (String limit : List.of("0", "501", "-5", "x", "1.5")) {
            assertProblem("/api/data/jobs?limit=" + limit, 400, "limit");
        }
    }

    // --- GET /api/data/coverage -----------------------------------------------------------------------

    @Test
    @Order(2)
    void coverageSaysWhatIsStoredByDatasetAndScope() {
        JsonNode all = ok("/api/data/coverage");
        System.out.println("[sample] GET /api/data/coverage -> " + all);
        List<String> pairs = new ArrayList<>();
        all.forEach(c -> pairs.add(c.get("dataset").asString() + "/" + c.get("scope").asString()));
        assertThat(pairs).containsExactly("adj_factor/600000.SH", "adj_factor/600519.SH", "daily/600000.SH", "daily/600519.SH",
                "index_daily/000300.SH", "namechange/*", "trade_cal/*");

        // Stocks are covered from the first to the last trading day of each range asked, per the calendar file.
        TradingCalendar calendar = TradeCalCsv.read(SimFixture.shared("trade_cal_SSE_derived_20160101_20260318.csv.gz"));
        List<LocalDate> days2018 = calendar.openDays(LocalDate.parse("2018-03-01"), LocalDate.parse("2018-04-30"));
        List<LocalDate> days2021 = calendar.openDays(START, END);
        JsonNode daily = ok("/api/data/coverage?dataset=daily");
        assertThat(daily.size()).isEqualTo(2);
        assertCoverage(daily.get(0), "daily", "600000.SH", days2018.get(0), days2018.get(days2018.size() - 1), 1);
        assertCoverage(daily.get(1), "daily", "600519.SH", days2018.get(0), days2021.get(days2021.size() - 1), 2);
        assertThat(days2018.get(days2018.size() - 1)).isEqualTo("2018-04-27"); // 30 April 2018 was a holiday
        assertCoverage(all.get(4), "index_daily", "000300.SH", days2021.get(0), days2021.get(days2021.size() - 1), 1);
        // The name history is refreshed whole, once a day: covered today.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertCoverage(all.get(5), "namechange", "*", today, today, 1);

        assertProblem("/api/data/coverage?dataset=bars", 400, "dataset");
        assertThat(get("/api/data/coverage?dataset=bars").body()).contains("daily", "index_daily", "namechange");
    }

    private static void assertCoverage(JsonNode c, String dataset, String scope, LocalDate first, LocalDate last, int ranges) {
        assertThat(c.get("dataset").asString()).isEqualTo(dataset);
        assertThat(c.get("scope").asString()).isEqualTo(scope);
        assertThat(c.get("first").asString()).isEqualTo(first.toString());
        assertThat(c.get("last").asString()).isEqualTo(last.toString());
        assertThat(c.get("ranges").asInt()).isEqualTo(ranges);
    }

    // --- GET /api/data/rejections ---------------------------------------------------------------------

    /** The planted daily rows, as SimFixture plants them from the original file: code|date|reason. */
    private static Set<String> plantedDaily() throws IOException {
        Set<String> planted = new HashSet<>();
        int corrupted = 0;
        int duplicated = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SimFixture.shared("daily_raw_adj_300_20180102_20221220.csv.gz")))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList()) {
                String[] c = line.split(",", -1);
                String day = LocalDate.parse(c[1], YMD).toString();
                if (c[0].equals("600000.SH") && c[1].startsWith("201803") && corrupted < 7) {
                    String reason = corrupted < 3 ? "ohlc_inconsistent" : corrupted < 5 ? "negative_volume"
                            : corrupted == 5 ? "suspended" : "unit_mismatch";
                    planted.add("600000.SH|" + day + "|" + reason);
                    corrupted++;
                } else if (c[0].equals("600519.SH") && c[1].startsWith("201804") && duplicated < 2) {
                    planted.add("600519.SH|" + day + "|duplicate");
                    duplicated++;
                }
            }
        }
        return planted;
    }

    private static Set<String> keys(JsonNode rejections) {
        Set<String> keys = new HashSet<>();
        rejections.forEach(r -> keys.add(r.get("tsCode").asString(null) + "|" + r.get("tradeDate").asString(null) + "|"
                + r.get("reason").asString()));
        return keys;
    }

    @Test
    @Order(3)
    void refusedRowsAreListedWithTheirReasonsNewestFirst() throws IOException {
        JsonNode daily = ok("/api/data/rejections?dataset=daily");
        System.out.println("[sample] GET /api/data/rejections?dataset=daily&limit=2 -> " + ok("/api/data/rejections?dataset=daily&limit=2"));
        assertThat(daily.size()).isEqualTo(9);
        assertThat(keys(daily)).isEqualTo(plantedDaily());
        String plantedJob = jobs.get(0).get("id").asString();
        daily.forEach(r -> {
            assertThat(r.get("dataset").asString()).isEqualTo("daily");
            assertThat(r.get("jobId").asString()).isEqualTo(plantedJob);
            assertThat(r.get("row").asString()).startsWith("ts_code=" + r.get("tsCode").asString() + ", trade_date="
                    + r.get("tradeDate").asString().replace("-", ""));
        });
        // The row as sent shows what was wrong: an inconsistent row's high is below its low.
        daily.forEach(r -> {
            if (r.get("reason").asString().equals("ohlc_inconsistent")) {
                Map<String, String> cells = cells(r.get("row").asString());
                assertThat(Double.parseDouble(cells.get("high"))).isLessThan(Double.parseDouble(cells.get("low")));
            }
        });

        // Newest first: the name history's three came last, all datasets together.
        JsonNode latest = ok("/api/data/rejections?limit=3");
        System.out.println("[sample] GET /api/data/rejections?limit=3 -> " + latest);
        assertThat(keys(latest)).containsExactlyInAnyOrder("600519.SH|2030-01-02|bad_date", "600000.SH|null|bad_date",
                "600150.SH|2018-04-24|duplicate");
        latest.forEach(r -> assertThat(r.get("dataset").asString()).isEqualTo("namechange"));
        JsonNode all = ok("/api/data/rejections");
        assertThat(all.size()).isEqualTo(12);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).get("at").asString().compareTo(all.get(i).get("at").asString())).isNotNegative();
        }
        assertThat(ok("/api/data/rejections?dataset=index_daily").size()).isZero();
        assertThat(ok("/api/data/rejections?dataset=").size()).isEqualTo(12);

        assertProblem("/api/data/rejections?dataset=dailyx", 400, "dataset");
        assertThat(get("/api/data/rejections?dataset=dailyx").body()).contains("'dailyx' is not a dataset", "daily, adj_factor, index_daily");
        for (String limit : List.of("0", "501", "1e2", "ten")) {
            assertProblem("/api/data/rejections?limit=" + limit, 400, "limit");
        }
    }

    private static Map<String, String> cells(String row) {
        Map<String, String> cells = new TreeMap<>();
        for (String cell : row.split(", ")) {
            int eq = cell.indexOf('=');
            cells.put(cell.substring(0, eq), cell.substring(eq + 1));
        }
        return cells;
    }

    @Test
    @Order(4)
    void aRefetchRefusesTheSameRowsAgainWithoutDuplicatingThem() {
        jdbc.update("delete from coverage where dataset in ('daily', 'adj_factor') and from_date < '2019-01-01'");
        JsonNode again = new IngestApi(port).ingest(PLANTED_2018);
        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(counts(again.get("rejectedByReason"))).isEqualTo(SimFixture.PLANTED);

        JsonNode daily = ok("/api/data/rejections?dataset=daily");
        assertThat(daily.size()).isEqualTo(9);
        daily.forEach(r -> assertThat(r.get("jobId").asString()).isEqualTo(again.get("id").asString()));
        assertThat(jdbc.queryForObject("select count(*) from ingest_rejected_row", Long.class)).isEqualTo(12);
        // Now the newest: the re-fetch refused them last.
        assertThat(ok("/api/data/rejections?limit=1").get(0).get("dataset").asString()).isEqualTo("daily");
    }

    // --- GET /api/data/calendar-effects ---------------------------------------------------------------

    /**
     * Closes of one code in [START, END] from a sample file, ascending; forward-adjusted when
     * {@code adjust}, with the adj_factor tushare-sim serves: the file's adj_factor_rel rescaled to
     * the stock's smallest in the file, to 6 decimals (its README), so the base cancels in returns.
     */
    private static TreeMap<LocalDate, Double> closes(String file, String code, boolean adjust) {
        TreeMap<LocalDate, double[]> rows = new TreeMap<>();
        List<String> columns = adjust ? List.of("ts_code", "trade_date", "close", "adj_factor_rel") : List.of("ts_code", "trade_date", "close");
        TushareCsv.forEachRow(SimFixture.shared(file), columns, row -> {
            if (row.text("ts_code").equals(code)) {
                rows.put(row.date("trade_date"), new double[] {row.number("close"), adjust ? row.number("adj_factor_rel") : 1});
            }
        });
        double smallest = rows.values().stream().mapToDouble(r -> r[1]).min().orElseThrow();
        TreeMap<LocalDate, Double> closes = new TreeMap<>();
        rows.subMap(START, true, END, true).forEach((day, r) -> closes.put(day, r[0] * Math.round(r[1] / smallest * 1e6) / 1e6));
        return closes;
    }

    /** Checks an answer against sums and squares by weekday and last-close ratios by month and quarter. */
    private static void assertEffects(JsonNode e, TreeMap<LocalDate, Double> closes) {
        List<LocalDate> days = new ArrayList<>(closes.keySet());
        double[] sum = new double[6];
        double[] squares = new double[6];
        int[] n = new int[6];
        int[] up = new int[6];
        for (int i = 1; i < days.size(); i++) {
            double r = closes.get(days.get(i)) / closes.get(days.get(i - 1)) - 1;
            int w = days.get(i).getDayOfWeek().getValue();
            sum[w] += r;
            squares[w] += r * r;
            n[w]++;
            up[w] += r > 0 ? 1 : 0;
        }
        assertThat(e.get("observations").asInt()).isEqualTo(days.size() - 1);
        assertThat(e.get("firstDay").asString()).isEqualTo(days.get(0).toString());
        assertThat(e.get("lastDay").asString()).isEqualTo(days.get(days.size() - 1).toString());
        assertThat(e.get("byWeekday").size()).isEqualTo(5);
        for (int w = 1; w <= 5; w++) {
            JsonNode g = e.get("byWeekday").get(w - 1);
            double mean = sum[w] / n[w];
            double stdev = Math.sqrt((squares[w] - n[w] * mean * mean) / (n[w] - 1));
            assertThat(g.get("key").asInt()).isEqualTo(w);
            assertThat(g.get("n").asInt()).isEqualTo(n[w]).isGreaterThan(80);
            assertThat(g.get("mean").asDouble()).isCloseTo(mean, within(1e-12));
            assertThat(g.get("stdev").asDouble()).isCloseTo(stdev, within(1e-12));
            assertThat(g.get("t").asDouble()).isCloseTo(mean / (stdev / Math.sqrt(n[w])), within(1e-8));
            assertThat(g.get("positiveShare").asDouble()).isEqualTo((double) up[w] / n[w]);
        }
        assertThat(e.get("byWeekday").get(0).get("label").asString()).isEqualTo("Mon");

        // Whole months: February 2021 (January has no close before it) to November 2022 (December ends after the 20th).
        TreeMap<YearMonth, Double> monthEnd = new TreeMap<>();
        closes.forEach((day, close) -> monthEnd.put(YearMonth.from(day), close));
        List<List<Double>> byMonth = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            byMonth.add(new ArrayList<>());
        }
        for (YearMonth month = YearMonth.of(2021, 2); !month.isAfter(YearMonth.of(2022, 11)); month = month.plusMonths(1)) {
            byMonth.get(month.getMonthValue() - 1).add(monthEnd.get(month) / monthEnd.get(month.minusMonths(1)) - 1);
        }
        assertThat(e.get("months").asInt()).isEqualTo(22);
        for (int m = 0; m < 12; m++) {
            JsonNode g = e.get("byMonth").get(m);
            List<Double> returns = byMonth.get(m);
            assertThat(g.get("n").asInt()).isEqualTo(returns.size());
            assertThat(g.get("mean").asDouble()).isCloseTo(returns.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                    within(1e-12));
            if (returns.size() == 1) {
                assertThat(g.get("stdev").isNull()).as("one month: no stdev").isTrue();
                assertThat(g.get("t").isNull()).isTrue();
            } else {
                double a = returns.get(0);
                double b = returns.get(1);
                assertThat(g.get("t").asDouble()).isCloseTo((a + b) / Math.abs(a - b), within(1e-8));
            }
        }
        // Whole quarters: Q2 2021 to Q3 2022, each its last close over the one before it.
        assertThat(e.get("quarters").asInt()).isEqualTo(6);
        double q3of2021 = closes.floorEntry(LocalDate.parse("2021-09-30")).getValue() / closes.floorEntry(LocalDate.parse("2021-06-30")).getValue() - 1;
        double q3of2022 = closes.floorEntry(LocalDate.parse("2022-09-30")).getValue() / closes.floorEntry(LocalDate.parse("2022-06-30")).getValue() - 1;
        JsonNode q3 = e.get("byQuarter").get(2);
        assertThat(q3.get("label").asString()).isEqualTo("Q3");
        assertThat(q3.get("n").asInt()).isEqualTo(2);
        assertThat(q3.get("mean").asDouble()).isCloseTo((q3of2021 + q3of2022) / 2, within(1e-12));
        assertThat(q3.get("positiveShare").asDouble()).isEqualTo(((q3of2021 > 0 ? 1 : 0) + (q3of2022 > 0 ? 1 : 0)) / 2.0);
        assertThat(e.get("byQuarter").get(3).get("n").asInt()).isEqualTo(1); // Q4 2021 only
    }

    @Test
    @Order(5)
    void calendarEffectsOfAStockAreThoseOfItsForwardAdjustedCloses() {
        JsonNode e = ok("/api/data/calendar-effects?code=600519.SH&start=" + START + "&end=" + END);
        System.out.println("[sample] GET /api/data/calendar-effects?code=600519.SH&start=2021-01-04&end=2022-12-20 -> " + e);
        assertThat(e.get("code").asString()).isEqualTo("600519.SH");
        assertThat(e.get("start").asString()).isEqualTo(START.toString());
        assertThat(e.get("end").asString()).isEqualTo(END.toString());
        assertThat(e.get("prices").asString()).isEqualTo("qfq_close");
        assertEffects(e, closes("daily_raw_adj_300_20180102_20221220.csv.gz", "600519.SH", true));
    }

    @Test
    @Order(6)
    void calendarEffectsOfAnIndexAreThoseOfItsCloses() {
        JsonNode e = ok("/api/data/calendar-effects?code=000300.SH&start=" + START + "&end=" + END);
        assertThat(e.get("prices").asString()).isEqualTo("index_close");
        assertEffects(e, closes("index_daily_2018_2026.csv.gz", "000300.SH", false));
        // A range past the stored data: December 2022 is still not whole.
        assertThat(ok("/api/data/calendar-effects?code=000300.SH&start=2021-01-04&end=2023-06-30").get("months").asInt()).isEqualTo(22);
    }

    @Test
    @Order(7)
    void badOrUnknownCodesAndBadRangesAreProblems() {
        String range = "&start=2021-01-04&end=2022-12-20";
        assertProblem("/api/data/calendar-effects?code=600999.SH" + range, 404, "code"); // a valid stock code, never ingested
        assertProblem("/api/data/calendar-effects?code=000905.SH" + range, 404, "code"); // an index never ingested
        assertProblem("/api/data/calendar-effects?code=600519" + range, 400, "code");
        assertProblem("/api/data/calendar-effects?code=900901.SH" + range, 400, "code"); // a B share
        assertProblem("/api/data/calendar-effects?code=" + URLEncoder.encode("贵州茅台", StandardCharsets.UTF_8) + range, 400, "code");
        assertProblem("/api/data/calendar-effects" + range.replaceFirst("&", "?"), 400, "code");
        assertProblem("/api/data/calendar-effects?code=600519.SH&start=2022-12-20&end=2021-01-04", 400, "end");
        assertProblem("/api/data/calendar-effects?code=600519.SH&start=2022-13-01&end=2022-12-20", 400, "start");
        assertProblem("/api/data/calendar-effects?code=600519.SH&start=1900-01-01&end=2022-12-20", 400, "start");
        assertProblem("/api/data/calendar-effects?code=600519.SH&start=2021-01-04", 400, "end");
        // Bars without their adjustment factors have no forward-adjusted close.
        jdbc.update("delete from adj_factor where ts_code = '600000.SH'");
        HttpResponse<String> r = get("/api/data/calendar-effects?code=600000.SH&start=2018-03-01&end=2018-04-30");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.body()).contains("adj_factor");
        // A range with no stored bar: every group empty.
        JsonNode none = ok("/api/data/calendar-effects?code=600519.SH&start=2019-01-01&end=2019-12-31");
        assertThat(none.get("observations").asInt()).isZero();
        assertThat(none.get("firstDay").isNull()).isTrue();
        assertThat(none.get("byMonth").get(0).get("n").asInt()).isZero();
        assertThat(none.get("byMonth").get(0).get("mean").isNull()).isTrue();
    }
}
