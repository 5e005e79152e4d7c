package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.IndexWeightCsv;
import com.alphaquant.market.synthetic.IndexWeightGenerator;
import com.alphaquant.testsupport.TestInfra;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
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
 * CSI 300 membership end to end: tushare-sim serving the synthetic index_weight fixture, the
 * ingest API (one call per month), real PostgreSQL, and the members as of a day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.data.job-poll-interval=200ms"})
class IndexWeightIT {

    static final SimFixture sim = SimFixture.start();
    static final List<IndexWeight> fixture = IndexWeightCsv.read(SimFixture.shared(IndexWeightGenerator.FIXTURE));
    private final JsonMapper json = JsonMapper.builder().build();
    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        sim.configure(registry);
        TestInfra.postgres(registry, "aq_index_weight");
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

    private static long fixtureRows(LocalDate from, LocalDate to) {
        return fixture.stream().filter(w -> !w.tradeDate().isBefore(from) && !w.tradeDate().isAfter(to)).count();
    }

    @Test
    void ingestsMonthByMonthIdempotentlyAndServesTheMembersOfTheDay() throws Exception {
        HttpResponse<String> before = get("/api/data/indices/000300.SH/members?date=2021-03-15");
        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(before.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(before.body()).contains("index_weight");

        String request = """
                {"datasets":["index_weight"],"tsCodes":["000300.SH"],"startDate":"2020-01-01","endDate":"2021-06-30"}""";
        JsonNode done = ingest(request);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        long expectedRows = fixtureRows(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30));
        assertThat(expectedRows).isEqualTo(18 * 300 - 6 - 1); // 2020-01: 294 members, 2020-02: 299
        assertThat(jdbc.queryForObject("select count(*) from index_weight", Long.class)).isEqualTo(expectedRows);
        assertThat(done.get("rowsStored").asLong()).isEqualTo(expectedRows);
        assertThat(sim.calls("index_weight")).as("one call per month").isEqualTo(18);

        // 2021-03-15 falls under the February snapshot (published 2021-02-26).
        HttpResponse<String> r = get("/api/data/indices/000300.SH/members?date=2021-03-15");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("indexCode").asString()).isEqualTo("000300.SH");
        assertThat(body.get("date").asString()).isEqualTo("2021-03-15");
        assertThat(body.get("weightDate").asString()).isEqualTo("2021-02-26");
        IndexMembership.Snapshot expected = IndexMembership.of(IndexWeightGenerator.INDEX, fixture).asOf(LocalDate.of(2021, 3, 15));
        Map<String, Double> served = new TreeMap<>();
        List<Double> order = new ArrayList<>();
        for (JsonNode m : body.get("members")) {
            served.put(m.get("conCode").asString(), m.get("weight").asDouble());
            order.add(m.get("weight").asDouble());
        }
        assertThat(body.get("count").asInt()).isEqualTo(300);
        Map<String, Double> want = new TreeMap<>();
        expected.weights().forEach((code, w) -> want.put(code.toString(), w));
        assertThat(served).isEqualTo(want);
        assertThat(order).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(served.values().stream().mapToDouble(Double::doubleValue).sum()).isBetween(99.98, 100.02);

        // The range a backtest loads: the publication in force on its start, then each later one.
        JsonNode rows = json.readTree(get("/api/data/indices/000300.SH/weights?start=2021-03-15&end=2021-05-10").body());
        List<String> dates = new ArrayList<>();
        rows.forEach(w -> {
            if (!dates.contains(w.get("tradeDate").asString())) {
                dates.add(w.get("tradeDate").asString());
            }
        });
        assertThat(dates).containsExactly("2021-02-26", "2021-03-31", "2021-04-30");
        assertThat(rows).hasSize(900);

        // On a publication day, that day's snapshot; before the stored history, 404.
        assertThat(json.readTree(get("/api/data/indices/000300.SH/members?date=2021-02-26").body()).get("weightDate").asString())
                .isEqualTo("2021-02-26");
        HttpResponse<String> early = get("/api/data/indices/000300.SH/members?date=2020-01-20");
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(early.body()).contains("starts later");
        assertThat(get("/api/data/indices/000905.SH/members?date=2021-03-15").statusCode()).isEqualTo(404);

        // A second identical job asks Tushare nothing and stores nothing twice.
        JsonNode again = ingest(request);
        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(sim.calls("index_weight")).isEqualTo(18);
        assertThat(jdbc.queryForObject("select count(*) from index_weight", Long.class)).isEqualTo(expectedRows);
        // A wider one fetches only the new month, and the default index is the CSI 300.
        JsonNode wider = ingest("""
                {"datasets":["index_weight"],"tsCodes":["all"],"startDate":"2021-06-01","endDate":"2021-07-31"}""");
        assertThat(wider.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(sim.calls("index_weight")).isEqualTo(19);
        assertThat(jdbc.queryForObject("select count(*) from index_weight", Long.class)).isEqualTo(expectedRows + 300);
        assertThat(IndexMembership.of(IndexWeightGenerator.INDEX, fixture).isMember(TsCode.of("600519.SH"), LocalDate.of(2021, 7, 30)))
                .isTrue();
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        for (String[] c : new String[][] {
                {"600519.SH/members?date=2021-03-15", "code"},
                {"000300/members?date=2021-03-15", "code"},
                {"000300.SH/members?date=2021-13-01", "date"},
                {"000300.SH/members?date=1900-01-01", "date"},
                {"000300.SH/members", "date"},
                {"600519.SH/weights?start=2021-01-04&end=2021-03-15", "code"},
                {"000300.SH/weights?start=2021-03-15&end=2021-01-04", "end"}}) {
            HttpResponse<String> r = get("/api/data/indices/" + c[0]);
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains("\"" + c[1]);
        }
    }
}
