package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.NorthFlowCsv;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.LocalService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Northbound flows (the real moneyflow_hsgt sample) and financial indicators (the synthetic
 * fina_indicator fixture) end to end: tushare-sim, the ingest API, real PostgreSQL and the query
 * endpoints; every expected number is read from the files here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.data.job-poll-interval=100ms"})
class FlowsAndFundamentalsIT {

    static final SimFixture sim = SimFixture.start();
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private final JsonMapper json = JsonMapper.builder().build();
    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    LocalService service;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        sim.configure(registry);
        TestInfra.postgres(registry, "aq_flows_fundamentals");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void connect() {
        service = new LocalService(port);
    }

    @Test
    void northFlowsAreStoredOncePerDayAndServedInTushareUnits() {
        LocalDate from = LocalDate.of(2018, 1, 2);
        LocalDate to = LocalDate.of(2018, 12, 28);
        Map<LocalDate, String[]> file = flowFile(from, to);
        long openDays = openDays(from, to);

        JsonNode job = ingest("moneyflow_hsgt", "\"all\"", from, to);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsStored").asLong()).isEqualTo(file.size());
        assertThat(job.get("rowsRejected").asLong()).isZero();
        assertThat(sim.calls("moneyflow_hsgt")).isEqualTo(openDays); // one call per trading day
        assertThat(count("select count(*) from north_flow")).isEqualTo(file.size());
        System.out.printf("[north] 2018: %d trading days, %d days with flows stored (the rest: Hong Kong closed)%n", openDays,
                file.size());

        JsonNode flows = json.readTree(service.get("/api/data/flows/north?start=2018-01-01&end=2018-12-31").body());
        assertThat(flows).hasSize(file.size());
        double served = 0;
        double expected = 0;
        for (JsonNode f : flows) {
            String[] row = file.get(LocalDate.parse(f.get("tradeDate").asString()));
            assertThat(f.get("northMoney").asDouble()).isEqualTo(Double.parseDouble(row[5]));
            served += f.get("northMoney").asDouble();
            expected += Double.parseDouble(row[5]);
        }
        assertThat(served).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        JsonNode first = flows.get(0);
        assertThat(first.get("tradeDate").asString()).isEqualTo("2018-01-02");
        assertThat(first.get("hgt").asDouble()).isEqualTo(2001.44);
        assertThat(first.get("sgt").asDouble()).isEqualTo(1355.62);
        assertThat(first.get("northMoney").asDouble()).isEqualTo(3357.06);
        assertThat(first.get("southMoney").asDouble()).isEqualTo(3694.0);

        // Idempotent: a second job stores nothing twice and asks again only the days that had no rows.
        long calls = sim.calls("moneyflow_hsgt");
        JsonNode again = ingest("moneyflow_hsgt", "\"600519.SH\"", from, to); // market-wide whatever the codes
        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(sim.calls("moneyflow_hsgt") - calls).isEqualTo(openDays - file.size());
        assertThat(count("select count(*) from north_flow")).isEqualTo(file.size());

        for (String[] c : new String[][] {
                {"start=2018-12-28&end=2018-01-02", "end"},
                {"start=2018-13-01&end=2018-12-28", "start"},
                {"start=1900-01-01&end=2018-01-02", "start"},
                {"start=2018-01-02", "end"}}) {
            var r = service.get("/api/data/flows/north?" + c[0]);
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(r.body()).as(c[0]).contains("\"" + c[1]);
        }

        northFlowZFromTheStoreEqualsTheOneFromTheFile();
    }

    /**
     * NORTH_FLOW_Z from the flows ingested into the store and served by the API (read as
     * factor-service's client reads them: tradeDate and northMoney, null as unpublished) equals
     * NORTH_FLOW_Z from the sample file (the path checked against the reference implementation).
     * The rest of the sample is ingested first (the days before are stored already).
     */
    private void northFlowZFromTheStoreEqualsTheOneFromTheFile() {
        LocalDate from = LocalDate.of(2018, 1, 2);
        LocalDate to = LocalDate.of(2021, 7, 19); // the sample's whole span
        assertThat(ingest("moneyflow_hsgt", "\"all\"", from, to).get("status").asString()).isEqualTo("SUCCEEDED");
        var r = service.get("/api/data/flows/north?start=" + from + "&end=" + to);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        TreeMap<LocalDate, Double> stored = new TreeMap<>();
        for (JsonNode f : json.readTree(r.body())) {
            stored.put(LocalDate.parse(f.get("tradeDate").asString()), f.get("northMoney").isNull() ? null : f.get("northMoney").asDouble());
        }
        assertThat(stored).hasSize(flowFile(from, to).size());

        List<Bar> bars = BarCsv.read(SampleData.file(SampleData.BARS_300)).stream()
                .filter(b -> NORTH_STOCKS.contains(b.tsCode().toString()) && !b.tradeDate().isAfter(to)).toList();
        FactorPanel fromStore = new FactorEngine(1).compute(PanelInput.builder().bars(bars)
                .northFlow(MarketSeries.byDate(stored)).build());
        FactorPanel fromFile = new FactorEngine(1).compute(PanelInput.builder().bars(bars)
                .northFlow(NorthFlowCsv.read(SampleData.file(SampleData.MONEYFLOW_HSGT))).build());
        int compared = 0;
        double maxDiff = 0;
        for (String code : NORTH_STOCKS) {
            double[] a = fromStore.values("NORTH_FLOW_Z", TsCode.of(code));
            double[] b = fromFile.values("NORTH_FLOW_Z", TsCode.of(code));
            assertThat(a).hasSameSizeAs(b);
            for (int i = 0; i < a.length; i++) {
                assertThat(Double.isNaN(a[i])).as("%s row %d", code, i).isEqualTo(Double.isNaN(b[i]));
                if (!Double.isNaN(a[i])) {
                    compared++;
                    maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
                }
            }
        }
        System.out.printf("[north] NORTH_FLOW_Z of %d stocks %s..%s: %d values compared, max |store - file| = %s%n",
                NORTH_STOCKS.size(), from, to, compared, maxDiff);
        assertThat(compared).isGreaterThan(NORTH_STOCKS.size() * 700);
        assertThat(maxDiff).isZero(); // the same doubles: PostgreSQL and JSON keep them exactly
    }

    /** Stocks trading over the whole flow sample, on both exchanges and boards. */
    private static final List<String> NORTH_STOCKS = List.of("600519.SH", "000001.SZ", "300059.SZ", "601318.SH", "000858.SZ");

    @Test
    void fundamentalsAreSeenOnlyFromTheirAnnouncementAndARestatementOnlyFromItsOwn() {
        List<String[]> fixture = finaFile();
        JsonNode job = ingest("fina_indicator", "\"all\"", LocalDate.of(2017, 1, 1), LocalDate.of(2023, 12, 29));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsStored").asLong()).isEqualTo(fixture.size());
        assertThat(count("select count(*) from fina_indicator")).isEqualTo(fixture.size());
        assertThat(count("select count(*) from fina_indicator where update_flag = '1'"))
                .isEqualTo(fixture.stream().filter(r -> r[8].equals("1")).count());

        // The fixture's first restatement: the original announced on A, the new version on B > A.
        String[] restated = fixture.stream().filter(r -> r[8].equals("1")).findFirst().orElseThrow();
        String[] original = fixture.stream().filter(r -> r[0].equals(restated[0]) && r[2].equals(restated[2]) && r[8].equals("0"))
                .findFirst().orElseThrow();
        String code = original[0];
        LocalDate period = date(original[2]);
        LocalDate a = date(original[1]);
        LocalDate b = date(restated[1]);
        System.out.printf("[fundamentals] %d rows (%d restatements); %s %s: eps %s announced %s, restated to %s on %s%n",
                fixture.size(), fixture.stream().filter(r -> r[8].equals("1")).count(), code, period, original[3], a,
                restated[3], b);

        assertThat(asOf(code, a.minusDays(1), period)).isEmpty();
        JsonNode onA = asOf(code, a, period);
        assertThat(onA).hasSize(1);
        assertThat(onA.get(0).get("annDate").asString()).isEqualTo(a.toString());
        assertThat(onA.get(0).get("eps").asDouble()).isEqualTo(Double.parseDouble(original[3]));
        assertThat(onA.get(0).get("restated").asBoolean()).isFalse();
        assertThat(asOf(code, b.minusDays(1), period).get(0).get("eps").asDouble()).isEqualTo(Double.parseDouble(original[3]));
        JsonNode onB = asOf(code, b, period);
        assertThat(onB.get(0).get("annDate").asString()).isEqualTo(b.toString());
        assertThat(onB.get(0).get("eps").asDouble()).isEqualTo(Double.parseDouble(restated[3]));
        assertThat(onB.get(0).get("roe").asDouble()).isEqualTo(Double.parseDouble(restated[4]));
        assertThat(onB.get(0).get("restated").asBoolean()).isTrue();

        // Every period of the stock as of B: those announced by then, each in its latest version by then.
        Map<LocalDate, String[]> expected = new TreeMap<>();
        for (String[] r : fixture) {
            if (r[0].equals(code) && !date(r[1]).isAfter(b)) {
                expected.merge(date(r[2]), r, (x, y) -> date(x[1]).isAfter(date(y[1])) ? x : y);
            }
        }
        var response = service.get("/api/data/fundamentals?ts_code=" + code + "&as_of=" + b);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode all = json.readTree(response.body());
        assertThat(all).hasSize(expected.size());
        List<String> served = new ArrayList<>();
        all.forEach(v -> served.add(v.get("endDate").asString() + " " + v.get("annDate").asString()));
        assertThat(served).containsExactlyElementsOf(expected.values().stream()
                .map(r -> date(r[2]) + " " + date(r[1])).toList());

        // Covered: a second job asks Tushare nothing.
        long calls = sim.calls("fina_indicator");
        ingest("fina_indicator", "\"all\"", LocalDate.of(2017, 1, 1), LocalDate.of(2023, 12, 29));
        assertThat(sim.calls("fina_indicator")).isEqualTo(calls);
        assertThat(count("select count(*) from fina_indicator")).isEqualTo(fixture.size());

        for (String[] c : new String[][] {
                {"as_of=2021-01-04", "ts_code"},
                {"ts_code=600519&as_of=2021-01-04", "ts_code"},
                {"ts_code=000300.SH&as_of=2021-01-04", "ts_code"},
                {"ts_code=600519.SH", "as_of"},
                {"ts_code=600519.SH&as_of=2021-02-30", "as_of"},
                {"ts_code=600519.SH&as_of=2021-01-04&period=2020-11-30", "period"},
                {"ts_code=600519.SH&as_of=2021-01-04&period=2020-12-30", "period"}}) {
            var r = service.get("/api/data/fundamentals?" + c[0]);
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains("\"" + c[1]);
        }
    }

    private JsonNode asOf(String code, LocalDate day, LocalDate period) {
        var r = service.get("/api/data/fundamentals?ts_code=" + code + "&as_of=" + day + "&period=" + period);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private JsonNode ingest(String dataset, String codes, LocalDate from, LocalDate to) {
        return new IngestApi(port).ingest("{\"datasets\":[\"" + dataset + "\"],\"tsCodes\":[" + codes + "],\"startDate\":\""
                + from + "\",\"endDate\":\"" + to + "\"}");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private long openDays(LocalDate from, LocalDate to) {
        return lines(SampleData.TRADE_CAL).stream().map(l -> l.split(",", -1))
                .filter(c -> c[2].equals("1") && !date(c[1]).isBefore(from) && !date(c[1]).isAfter(to)).count();
    }

    /** trade_date → the sample's row (trade_date,ggt_ss,ggt_sz,hgt,sgt,north_money,south_money). */
    private static Map<LocalDate, String[]> flowFile(LocalDate from, LocalDate to) {
        Map<LocalDate, String[]> rows = new TreeMap<>();
        for (String line : lines(SampleData.MONEYFLOW_HSGT)) {
            String[] c = line.split(",", -1);
            LocalDate d = date(c[0]);
            if (!d.isBefore(from) && !d.isAfter(to)) {
                rows.put(d, c);
            }
        }
        return rows;
    }

    /** ts_code,ann_date,end_date,eps,roe,bps,grossprofit_margin,debt_to_assets,update_flag */
    private static List<String[]> finaFile() {
        return lines(SampleData.SYNTHETIC_FINA_INDICATOR).stream().map(l -> l.split(",", -1)).toList();
    }

    /** A sample file's data lines, header left out. */
    private static List<String> lines(String name) {
        try {
            byte[] bytes = Files.readAllBytes(SampleData.file(name));
            String text = new String(name.endsWith(".gz") ? new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes()
                    : bytes, java.nio.charset.StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String yyyymmdd) {
        return LocalDate.parse(yyyymmdd, YMD);
    }
}
