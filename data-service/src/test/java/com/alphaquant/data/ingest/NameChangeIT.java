package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.testsupport.TestInfra;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The name history end to end: tushare-sim serving the real namechange sample with bad rows
 * planted, the ingest API, real PostgreSQL, and the ST episodes served from what was stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.data.job-poll-interval=200ms"})
class NameChangeIT {

    static final SimFixture sim = SimFixture.start();
    private final JsonMapper json = JsonMapper.builder().build();
    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        sim.configure(registry);
        TestInfra.postgres(registry, "aq_namechange");
    }

    private HttpResponse<String> get(String path) {
        return new IngestApi(port).get(path);
    }

    private JsonNode ingestNameChanges() {
        return new IngestApi(port).ingest("""
                        {"datasets":["namechange"],"tsCodes":["all"],"startDate":"2022-12-01","endDate":"2022-12-20"}""");
    }

    private List<String> episodes(String query) throws Exception {
        HttpResponse<String> r = get("/api/data/st?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode e : json.readTree(r.body())) {
            out.add(e.get("tsCode").asString() + " " + e.get("name").asString() + " " + e.get("startDate").asString() + " "
                    + e.get("endDate").asString(null));
        }
        return out;
    }

    @Test
    void ingestsTheHistoryCountsBadRowsAndServesTheStEpisodesByDate() throws Exception {
        HttpResponse<String> before = get("/api/data/st?start=2018-01-02&end=2022-12-20");
        assertThat(before.statusCode()).isEqualTo(409);
        assertThat(before.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(before.body()).contains("namechange");

        JsonNode done = ingestNameChanges();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("select count(*) from name_change", Long.class)).isEqualTo(SimFixture.NAMECHANGE_ROWS);
        Map<String, Long> rejected = json.convertValue(done.get("rejectedByReason"),
                new tools.jackson.core.type.TypeReference<Map<String, Long>>() {});
        assertThat(rejected).isEqualTo(SimFixture.PLANTED_NAMECHANGE);
        assertThat(done.get("rowsStored").asLong()).isEqualTo(SimFixture.NAMECHANGE_ROWS);
        assertThat(done.get("rowsRejected").asLong()).isEqualTo(3);

        // Of the 330 stocks' histories, three were ST between 2018 and 2022, on exactly these days.
        assertThat(episodes("start=2018-01-02&end=2022-12-20")).containsExactly(
                "000408.SZ *ST藏格 2020-05-06 2021-05-11",
                "000792.SZ *ST盐湖 2019-04-30 2021-08-09",
                "600150.SH *ST船舶 2018-04-24 2019-03-28");
        assertThat(episodes("ts_code=600150.SH&start=1998-01-05&end=2026-03-18")).containsExactly(
                "600150.SH ST重机 2001-04-11 2002-04-11", "600150.SH *ST船舶 2018-04-24 2019-03-28");
        assertThat(episodes("ts_code=600150.SH&start=2019-03-29&end=2026-03-18")).isEmpty();
        assertThat(episodes("ts_code=600519.SH&start=1998-01-05&end=2026-03-18")).isEmpty();

        // The stocks whose ST days appeared are announced, so that factor-service recomputes their bands.
        List<String> all = episodes("start=1990-12-19&end=2026-03-18");
        List<String> stStocks = all.stream().map(e -> e.split(" ")[0]).distinct().toList();
        String firstStDay = all.stream().map(e -> e.split(" ")[2]).min(String::compareTo).orElseThrow();
        List<String> announced = jdbc.queryForList("select payload from outbox where topic = 'market.data.ingested'", String.class);
        assertThat(announced).hasSize(1);
        var event = (com.alphaquant.events.MarketDataIngested) new com.alphaquant.events.EventSerde().deserialize(
                "market.data.ingested", announced.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(event.dataset()).isEqualTo("namechange");
        assertThat(event.tsCodes()).hasSizeGreaterThan(3).containsExactlyInAnyOrderElementsOf(stStocks);
        assertThat(event.startDate()).isEqualTo(firstStDay);

        // Refreshed at most once a day: a second job the same day asks Tushare nothing (and announces nothing).
        long calls = sim.calls("namechange");
        assertThat(ingestNameChanges().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(sim.calls("namechange")).isEqualTo(calls);
        assertThat(jdbc.queryForObject("select count(*) from name_change", Long.class)).isEqualTo(SimFixture.NAMECHANGE_ROWS);
        assertThat(jdbc.queryForObject("select count(*) from outbox where topic = 'market.data.ingested'", Long.class)).isOne();
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        for (String[] c : new String[][] {
                {"ts_code=600150&start=2018-01-02&end=2018-12-28", "ts_code"},
                {"ts_code=000300.SH&start=2018-01-02&end=2018-12-28", "ts_code"},
                {"ts_code=900901.SH&start=2018-01-02&end=2018-12-28", "ts_code"},
                {"start=2018-12-28&end=2018-01-02", "end"},
                {"start=1900-01-01&end=2018-01-02", "start"},
                {"start=2018-01-02", "end"}}) {
            HttpResponse<String> r = get("/api/data/st?" + c[0]);
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains("\"" + c[1]);
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }
}
