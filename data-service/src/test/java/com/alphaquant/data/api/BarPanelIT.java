package com.alphaquant.data.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.data.store.BarStore;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/data/bars/panel} against real PostgreSQL holding the real 30-stock sample (stored
 * with BarStore, adj_factor as Tushare's cumulative factor, missing for one stock entirely and
 * for another's last days): each stock's rows equal the single-stock endpoint's, byte for byte
 * in CSV; rows come ordered by ts_code then trade_date; {@code all} is every stock and no index;
 * bad input is a 400 problem naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.data.job-polling=false", "alphaquant.outbox.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarPanelIT {

    static final double TUSHARE_SCALE = 118.7;
    /** No adj_factor stored at all; and none for the last 10 sessions. */
    static final String NO_ADJ = "000792.SZ";
    static final String LATE_ADJ = "600519.SH";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_panel");
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    BarStore store;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> sampleCodes = new TreeSet<>();

    @BeforeAll
    void storeTheSample() {
        List<Bar> bars = BarCsv.read(SampleData.file("mini_raw_adj_30_20210104_20221220.csv.gz"));
        LocalDate lateCutoff = LocalDate.parse("2022-12-06");
        List<BarStore.AdjFactor> adj = new ArrayList<>();
        for (Bar b : bars) {
            sampleCodes.add(b.tsCode().toString());
            boolean missing = b.tsCode().toString().equals(NO_ADJ)
                    || b.tsCode().toString().equals(LATE_ADJ) && b.tradeDate().isAfter(lateCutoff);
            if (!missing && !Double.isNaN(b.adjFactor())) {
                adj.add(new BarStore.AdjFactor(b.tsCode().toString(), b.tradeDate(), b.adjFactor() * TUSHARE_SCALE));
            }
        }
        store.upsertBars(BarStore.Table.DAILY, bars);
        store.upsertAdjFactors(adj);
        // An index bar on a sample day: not a stock, never in a panel.
        store.upsertBars(BarStore.Table.INDEX, List.of(new Bar(TsCode.of("000300.SH"), LocalDate.parse("2022-12-20"),
                3800, 3850, 3780, 3820, 3810, 1e8, 2e8, Double.NaN)));
        assertThat(sampleCodes).hasSize(30);
    }

    @Test
    void eachStocksRowsAreTheSingleStockEndpointsInOrder() throws Exception {
        // Unsorted, a duplicate, spaces: the answer is still sorted and distinct.
        String asked = "600519.SH,000001.SZ, 000792.SZ,688981.SH,600519.SH,300750.SZ";
        JsonNode panel = getJson("/api/data/bars/panel?ts_codes=" + asked.replace(" ", "%20")
                + "&start=2021-06-01&end=2022-12-20");
        Map<String, List<JsonNode>> byCode = assertOrderedAndGroup(panel);

        assertThat(byCode.keySet()).containsExactly("000001.SZ", "000792.SZ", "300750.SZ", "600519.SH", "688981.SH");
        assertMatchesSingleStock(byCode, "2021-06-01", "2022-12-20");
        assertThat(byCode.get(NO_ADJ)).allMatch(row -> row.get("adjFactor").isNull());
        List<JsonNode> late = byCode.get(LATE_ADJ);
        assertThat(late.subList(late.size() - 10, late.size())).allMatch(row -> row.get("adjFactor").isNull());
        assertThat(late.get(0).get("adjFactor").isNumber()).isTrue();
    }

    @Test
    void allIsEveryStockOfTheRangeAndNoIndex() throws Exception {
        JsonNode panel = getJson("/api/data/bars/panel?ts_codes=all&start=2021-01-04&end=2022-12-20");
        Map<String, List<JsonNode>> byCode = assertOrderedAndGroup(panel);

        assertThat(byCode.keySet()).isEqualTo(sampleCodes);
        assertThat((long) panel.size()).isEqualTo(store.count(BarStore.Table.DAILY));
        assertMatchesSingleStock(byCode, "2021-01-04", "2022-12-20");

        JsonNode lastDay = getJson("/api/data/bars/panel?ts_codes=ALL&start=2022-12-20&end=2022-12-20");
        assertThat(lastDay.size()).isEqualTo(jdbc.queryForObject(
                "select count(*) from daily_bar where trade_date = '2022-12-20'", Integer.class));
        assertThat(lastDay.valueStream().map(r -> r.get("tsCode").asString())).doesNotContain("000300.SH");
    }

    @Test
    void csvIsTheSingleStockCsvConcatenated() throws Exception {
        List<String> codes = List.of("000001.SZ", "000792.SZ", "600519.SH");
        HttpResponse<String> panel = get("/api/data/bars/panel?ts_codes=" + String.join(",", codes)
                + "&start=2022-01-01&end=2022-12-20", "text/csv");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));

        StringBuilder expected = new StringBuilder(QuoteController.CSV_HEADER);
        for (String code : codes) {
            String single = get("/api/data/bars?ts_code=" + code + "&start=2022-01-01&end=2022-12-20&adjust=none",
                    "text/csv").body();
            assertThat(single).startsWith(QuoteController.CSV_HEADER);
            expected.append(single.substring(QuoteController.CSV_HEADER.length()));
        }
        assertThat(panel.body()).isEqualTo(expected.toString());
        assertThat(panel.body().lines().count()).isGreaterThan(600);
    }

    @Test
    void aRangeWithoutBarsIsEmpty() throws Exception {
        assertThat(getJson("/api/data/bars/panel?ts_codes=all&start=2022-12-24&end=2022-12-25").isEmpty()).isTrue();
        assertThat(get("/api/data/bars/panel?ts_codes=600519.SH,000001.SZ&start=2020-01-01&end=2020-12-31", "text/csv").body())
                .isEqualTo(QuoteController.CSV_HEADER);
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        String tooMany = IntStream.range(0, PanelController.MAX_CODES + 1)
                .mapToObj(i -> String.format("%06d.SZ", 1 + i)).collect(Collectors.joining(","));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("ts_codes=600519.SH,XYZ&start=2022-01-01&end=2022-02-01", "ts_codes");
        cases.put("ts_codes=600519.SH,,000001.SZ&start=2022-01-01&end=2022-02-01", "ts_codes");
        cases.put("ts_codes=600519.SH,000300.SH&start=2022-01-01&end=2022-02-01", "ts_codes");
        cases.put("ts_codes=" + tooMany + "&start=2022-01-01&end=2022-02-01", "ts_codes");
        cases.put("ts_codes=600519.SH,000001.SZ&start=2022-03-01&end=2022-02-01", "end");
        cases.put("ts_codes=all&start=2022-13-01&end=2023-02-01", "start");
        cases.put("ts_codes=all&start=2018-01-01&end=2023-01-01", "end"); // all: 5 years at most
        for (Map.Entry<String, String> c : cases.entrySet()) {
            for (String accept : List.of("application/json", "text/csv")) {
                HttpResponse<String> r = get("/api/data/bars/panel?" + c.getKey(), accept);
                assertThat(r.statusCode()).as(c.getKey() + " " + r.body()).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(json.readTree(r.body()).get("errors").get(0).get("field").asString())
                        .as(c.getKey()).isEqualTo(c.getValue());
            }
        }
        // An explicit list spans any range from the first session on; all just under 5 years is fine.
        assertThat(get("/api/data/bars/panel?ts_codes=600519.SH,000001.SZ&start=1990-12-19&end=2022-12-20",
                "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/api/data/bars/panel?ts_codes=all&start=2018-01-02&end=2023-01-01",
                "application/json").statusCode()).isEqualTo(200);
    }

    /** Strictly increasing (ts_code, trade_date), grouped by code in order. */
    private static Map<String, List<JsonNode>> assertOrderedAndGroup(JsonNode panel) {
        assertThat(panel.isArray()).isTrue();
        Map<String, List<JsonNode>> byCode = new LinkedHashMap<>();
        String previous = "";
        for (JsonNode row : panel) {
            String key = row.get("tsCode").asString() + " " + row.get("tradeDate").asString();
            assertThat(key).as("order").isGreaterThan(previous);
            previous = key;
            byCode.computeIfAbsent(row.get("tsCode").asString(), c -> new ArrayList<>()).add(row);
        }
        return byCode;
    }

    private void assertMatchesSingleStock(Map<String, List<JsonNode>> byCode, String start, String end) throws Exception {
        for (Map.Entry<String, List<JsonNode>> e : byCode.entrySet()) {
            JsonNode single = getJson("/api/data/bars?ts_code=" + e.getKey() + "&start=" + start + "&end=" + end
                    + "&adjust=none");
            assertThat(single.size()).as(e.getKey()).isPositive();
            assertThat(e.getValue()).as(e.getKey()).containsExactlyElementsOf(single.valueStream().toList());
        }
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path, "application/json");
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
