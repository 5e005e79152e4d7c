package com.alphaquant.factor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.factor.Sample;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.evaluation.Correlation;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.alphaquant.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API on a real port over the real 30-stock sample (bars from the files instead of
 * data-service, no cache): values equal the engine's whole-history output, formats, and 400s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"alphaquant.factor.cache-enabled=false", "alphaquant.factor.max-stock-months=1000"})
class FactorApiTest {

    /** strategy-service's FactorClient reads exactly this shape. */
    record FactorReply(String engineVersion, List<Row> rows) {}

    record Row(String tsCode, LocalDate tradeDate, Double close, Map<String, Double> values) {}

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void sample(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_factor");
        registry.add("alphaquant.factor.bars-csv", Sample.BARS::toString);
        registry.add("alphaquant.factor.index-csv", Sample.INDEX::toString);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void jsonValuesEqualTheEngineOnTheWholeHistoryAndKeepStrategyServicesContract() throws Exception {
        List<TsCode> codes = Sample.CODES.subList(0, 4);
        HttpResponse<String> r = get("/api/factors?ts_codes=" + codes.get(0) + "," + codes.get(1) + "," + codes.get(2) + ","
                + codes.get(3) + "&start=2022-06-01&end=2022-06-30", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));

        FactorReply reply = JSON.readValue(r.body(), FactorReply.class);
        assertThat(reply.engineVersion()).isEqualTo(FactorEngine.VERSION);
        int expectedRows = codes.stream().mapToInt(c -> Sample.dates(c, 20220601, 20220630).length).sum();
        assertThat(reply.rows()).hasSize(expectedRows);
        for (Row row : reply.rows()) {
            assertThat(row.values().keySet()).containsExactlyElementsOf(FactorRegistry.names());
            for (int f = 0; f < FactorComputer.FACTORS.size(); f++) {
                double e = Sample.expected(f, TsCode.of(row.tsCode()), dateInt(row.tradeDate()));
                Double a = row.values().get(FactorComputer.FACTORS.get(f).name());
                if (Double.isNaN(e)) {
                    assertThat(a).isNull();
                } else {
                    assertThat(a).as("%s %s %s", row.tsCode(), row.tradeDate(), FactorComputer.FACTORS.get(f).name())
                            .isCloseTo(e, within(Math.max(1e-12, 1e-12 * Math.abs(e))));
                }
            }
        }
    }

    @Test
    void allStocksOnOneDayWithChosenNames() throws Exception {
        FactorReply reply = JSON.readValue(get("/api/factors?ts_codes=all&start=2022-12-20&end=2022-12-20&names=RSI14,MOM60,RS20",
                null).body(), FactorReply.class);
        long trading = Sample.CODES.stream().filter(c -> Sample.dates(c, 20221220, 20221220).length == 1).count();
        assertThat(reply.rows()).hasSize((int) trading).allSatisfy(row -> {
            assertThat(row.tradeDate()).isEqualTo(LocalDate.parse("2022-12-20"));
            assertThat(row.values().keySet()).containsExactly("RSI14", "MOM60", "RS20");
            assertThat(row.values().get("MOM60")).isNotNull(); // warmed up even though start = end
            Bar bar = Sample.STOCK_BARS.stream().filter(b -> b.tsCode().toString().equals(row.tsCode())
                    && dateInt(b.tradeDate()) == 20221220).findFirst().orElseThrow();
            assertThat(row.close()).as("adjusted close, for strategy-service's book")
                    .isCloseTo(bar.close() * bar.adjFactor(), within(1e-9 * bar.close() * bar.adjFactor()));
        });
    }

    @Test
    void csvOnAcceptOrFormatWithEmptyCellsForNaN() throws Exception {
        TsCode code = Sample.CODES.get(0);
        HttpResponse<String> r = get("/api/factors?ts_codes=" + code + "&start=2021-01-04&end=2021-01-08&names=MOM20,RET",
                "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = r.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("ts_code,trade_date,RET,MOM20"); // SPEC order, whatever order was asked
        assertThat(lines).hasSize(1 + Sample.dates(code, 20210104, 20210108).length);
        assertThat(lines.get(1)).isEqualTo(code + ",20210104,,"); // first bar of the data: no RET, no MOM20
        String[] second = lines.get(2).split(",", -1);
        assertThat(Double.parseDouble(second[2])).isEqualTo(Sample.expected(0, code, Integer.parseInt(second[1])));
        assertThat(second[3]).isEmpty();

        HttpResponse<String> byFormat = get("/api/factors?ts_codes=" + code + "&start=2021-01-04&end=2021-01-08&format=csv", null);
        assertThat(byFormat.body().lines().findFirst()).hasValue("ts_code,trade_date," + String.join(",", FactorRegistry.names()));
    }

    @Test
    void catalogListsTheRegistry() throws Exception {
        JsonNode catalog = JSON.readTree(get("/api/factors/catalog", null).body());
        assertThat(catalog.size()).isEqualTo(24);
        JsonNode rsi = catalog.get(6);
        assertThat(rsi.get("name").asString()).isEqualTo("RSI14");
        assertThat(rsi.get("category").asString()).isEqualTo("advanced");
        assertThat(rsi.get("window").asInt()).isEqualTo(15);
        assertThat(rsi.get("formula").asString()).contains("W14(gain)");
        assertThat(catalog.get(0).get("category").asString()).isEqualTo("basic");
    }

    @Test
    void openApiDescribesTheEndpoints() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/factors", "/api/factors/catalog", "/api/factors/correlation", "/api/factors/ic");
    }

    @Test
    void correlationIsTheHeatmapOfPooledStockDays() throws Exception {
        JsonNode c = JSON.readTree(get("/api/factors/correlation?ts_codes=all&start=2022-01-01&end=2022-06-30"
                + "&names=RET,MOM20,RS20&method=spearman", null).body());
        assertThat(c.get("method").asString()).isEqualTo("spearman");
        assertThat(c.get("names").toString()).isEqualTo("[\"RET\",\"MOM20\",\"RS20\"]");
        assertThat(c.get("matrix").get(0).get(0).asDouble()).isEqualTo(1.0);
        assertThat(c.get("matrix").get(1).get(2).asDouble()).isEqualTo(c.get("matrix").get(2).get(1).asDouble());

        // Independently: the pooled whole-history values of MOM20 and RS20 over the same stock-days.
        int mom20 = FactorComputer.FACTORS.indexOf(FactorRegistry.get("MOM20"));
        int rs20 = FactorComputer.FACTORS.indexOf(FactorRegistry.get("RS20"));
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (TsCode code : Sample.CODES) {
            for (int d : Sample.dates(code, 20220101, 20220630)) {
                x.add(Sample.expected(mom20, code, d));
                y.add(Sample.expected(rs20, code, d));
            }
        }
        double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ys = y.stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(c.get("matrix").get(1).get(2).asDouble()).isCloseTo(Correlation.spearman(xs, ys), within(1e-12));
        assertThat(c.get("observations").get(1).get(2).asInt()).isEqualTo(Correlation.observations(xs, ys));
    }

    @Test
    void icAgainstForwardReturnsComputedFromTheBars() throws Exception {
        JsonNode ic = JSON.readTree(get("/api/factors/ic?name=MOM20&ts_codes=all&start=2022-03-01&end=2022-03-31&horizon=5"
                + "&quantiles=5", null).body());
        assertThat(ic.get("horizon").asInt()).isEqualTo(5);
        assertThat(ic.get("quantileReturns").size()).isEqualTo(5);
        assertThat(ic.get("returns").asString()).contains("adjusted close");
        JsonNode first = ic.get("series").get(0);
        assertThat(first.get("tradeDate").asString()).isEqualTo("2022-03-01");

        // That day by hand: MOM20 vs close×adj five sessions later over close×adj that day.
        List<Integer> sessions = new ArrayList<>(new TreeSet<>(Sample.STOCK_BARS.stream()
                .map(b -> dateInt(b.tradeDate())).toList()));
        int day = 20220301;
        int later = sessions.get(sessions.indexOf(day) + 5);
        Map<String, Bar> byKey = new TreeMap<>();
        Sample.STOCK_BARS.forEach(b -> byKey.put(b.tsCode() + "@" + dateInt(b.tradeDate()), b));
        int mom20 = FactorComputer.FACTORS.indexOf(FactorRegistry.get("MOM20"));
        List<Double> f = new ArrayList<>();
        List<Double> fwd = new ArrayList<>();
        for (TsCode code : Sample.CODES) {
            Bar now = byKey.get(code + "@" + day);
            Bar then = byKey.get(code + "@" + later);
            f.add(Sample.expected(mom20, code, day));
            fwd.add(now == null || then == null ? Double.NaN
                    : then.close() * then.adjFactor() / (now.close() * now.adjFactor()) - 1);
        }
        double[] fs = f.stream().mapToDouble(Double::doubleValue).toArray();
        double[] rs = fwd.stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(first.get("ic").asDouble()).isCloseTo(Correlation.pearson(fs, rs), within(1e-9));
        assertThat(first.get("rankIc").asDouble()).isCloseTo(Correlation.spearman(fs, rs), within(1e-9));
        assertThat(first.get("observations").asInt()).isEqualTo(Correlation.observations(fs, rs));
        assertThat(ic.get("ic").get("days").asInt()).isEqualTo(ic.get("series").size());
    }

    @Test
    void rankIcWithinEachIndustryOfTheSamplesStockBasic() throws Exception {
        JsonNode r = JSON.readTree(get("/api/factors/ic/by-industry?names=MOM20,RSI14&ts_codes=all&start=2022-03-01"
                + "&end=2022-03-01&horizon=5", null).body());
        assertThat(r.get("factors").propertyNames()).containsExactlyInAnyOrder("MOM20", "RSI14");

        // By hand, that one day: MOM20 against the 5-session forward return within each stock_basic
        // industry that has at least 3 of the sample's stocks with both.
        Map<TsCode, String> industry = new TreeMap<>();
        com.alphaquant.market.csv.StockBasicCsv.read(com.alphaquant.market.csv.SampleData.file(
                com.alphaquant.market.csv.SampleData.STOCK_BASIC)).forEach(b -> industry.put(b.tsCode(), b.industry()));
        List<Integer> sessions = new ArrayList<>(new TreeSet<>(Sample.STOCK_BARS.stream().map(b -> dateInt(b.tradeDate())).toList()));
        int day = 20220301;
        int later = sessions.get(sessions.indexOf(day) + 5);
        Map<String, Bar> byKey = new TreeMap<>();
        Sample.STOCK_BARS.forEach(b -> byKey.put(b.tsCode() + "@" + dateInt(b.tradeDate()), b));
        int mom20 = FactorComputer.FACTORS.indexOf(FactorRegistry.get("MOM20"));
        Map<String, List<double[]>> pairs = new TreeMap<>();
        for (TsCode code : Sample.CODES) {
            Bar now = byKey.get(code + "@" + day);
            Bar then = byKey.get(code + "@" + later);
            double value = Sample.expected(mom20, code, day);
            if (industry.get(code) != null && now != null && then != null && !Double.isNaN(value)) {
                pairs.computeIfAbsent(industry.get(code), k -> new ArrayList<>())
                        .add(new double[] {value, then.close() * then.adjFactor() / (now.close() * now.adjFactor()) - 1});
            }
        }
        Map<String, Double> expected = new TreeMap<>();
        pairs.forEach((name, p) -> {
            if (p.size() >= 3) {
                expected.put(name, Correlation.spearman(p.stream().mapToDouble(x -> x[0]).toArray(),
                        p.stream().mapToDouble(x -> x[1]).toArray()));
            }
        });
        assertThat(expected).containsKey("银行").hasSizeGreaterThan(1);
        Map<String, Double> served = new TreeMap<>();
        for (JsonNode e : r.get("factors").get("MOM20")) {
            assertThat(e.get("days").asInt()).isEqualTo(1);
            served.put(e.get("name").asString(), e.get("meanRankIc").asDouble());
        }
        assertThat(served.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, ic) -> assertThat(served.get(name)).as(name).isCloseTo(ic, within(1e-9)));
        assertProblem("/api/factors/ic/by-industry?ts_codes=all&start=2022-03-01&end=2022-03-01&names=NOPE", "names", "NOPE");
        assertProblem("/api/factors/ic/by-industry?ts_codes=all&start=2022-03-01&end=2022-03-01&horizon=0", "horizon", "between 1");
    }

    @Test
    void badInputIsA400ProblemNamingTheParameter() throws Exception {
        String ok = "ts_codes=000001.SZ&start=2022-01-04&end=2022-01-10";
        assertProblem("/api/factors?" + ok + "&names=RSI14,NOPE", "names", "NOPE");
        assertProblem("/api/factors?ts_codes=000001.SZ&start=2022-13-01&end=2022-01-10", "start", "2022-13-01");
        assertProblem("/api/factors?ts_codes=000001.SZ&start=2022-02-01&end=2022-01-10", "end", "before start");
        assertProblem("/api/factors?ts_codes=600519&start=2022-01-04&end=2022-01-10", "ts_codes", "600519");
        assertProblem("/api/factors?ts_codes=000300.SH&start=2022-01-04&end=2022-01-10", "ts_codes", "index");
        assertProblem("/api/factors?ts_codes=000001.SZ&end=2022-01-10", "start", "required");
        assertProblem("/api/factors?end=2022-01-10&start=2022-01-04", "ts_codes", "required");
        assertProblem("/api/factors?" + ok + "&format=xml", "format", "xml");
        assertProblem("/api/factors/correlation?" + ok + "&method=kendall", "method", "kendall");
        assertProblem("/api/factors/ic?" + ok + "&name=MOM20&horizon=0", "horizon", "between 1");
        assertProblem("/api/factors/ic?" + ok + "&name=MOM20&quantiles=x", "quantiles", "whole number");
        assertProblem("/api/factors/ic?" + ok, "name", "required");
        assertProblem("/api/factors/ic?" + ok + "&name=FOO", "name", "FOO");
        // Dates no market had, and requests too large to hold, are refused before any work.
        assertProblem("/api/factors?ts_codes=000001.SZ&start=-999999999-01-01&end=2022-01-10", "start", "outside 1990-12-19");
        assertProblem("/api/factors?ts_codes=000001.SZ&start=2022-01-04&end=9999-12-31", "end", "outside");
        assertProblem("/api/factors?ts_codes=all&start=2019-01-02&end=2022-12-20", "ts_codes", "1440 stock-months, more than the 1000");
        // A CSV client gets the problem too, not a 406 or a 500.
        HttpResponse<String> csv = get("/api/factors?" + ok + "&names=NOPE", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).contains("\"field\":\"names\"");
    }

    private void assertProblem(String path, String field, String reasonPart) throws Exception {
        HttpResponse<String> r = get(path, null);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode error = JSON.readTree(r.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).as(path).isEqualTo(field);
        assertThat(error.get("reason").asString()).as(path).contains(reasonPart);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int dateInt(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }
}
