package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.csv.TushareCsv;
import com.alphaquant.testsupport.TestInfra;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * The industry classification end to end: tushare-sim serving its stock_basic-derived
 * index_classify and a membership with a planted move and bad rows, the ingest API, real
 * PostgreSQL, and the industries served as of a date. Expected values come from the stock_basic
 * file itself, not from the code under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.data.job-poll-interval=200ms"})
class IndustryIT {

    static final SimFixture sim = SimFixture.start();
    private final JsonMapper json = JsonMapper.builder().build();
    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        sim.configure(registry);
        TestInfra.postgres(registry, "aq_industry");
    }

    /** stock_basic's rows with an industry: ts_code → {industry, list_date}. */
    private static Map<String, String[]> classified() {
        Map<String, String[]> out = new TreeMap<>();
        TushareCsv.forEachRow(SimFixture.shared("stock_basic_350.csv.gz"), List.of("ts_code", "industry", "list_date"), row -> {
            String industry = row.text("industry");
            if (industry != null && !industry.isBlank()) {
                out.put(row.text("ts_code"), new String[] {industry, row.text("list_date")});
            }
        });
        return out;
    }

    /** The simulator's code of an industry: IND + its 1-based place among the sorted names. */
    private static String codeOf(String industry, Map<String, String[]> classified) {
        List<String> names = new ArrayList<>(new TreeSet<>(classified.values().stream().map(v -> v[0]).toList()));
        return String.format("IND%03d.SIM", names.indexOf(industry) + 1);
    }

    private HttpResponse<String> get(String path) {
        return new IngestApi(port).get(path);
    }

    private JsonNode ingest() {
        return new IngestApi(port).ingest("""
                        {"datasets":["index_classify","index_member"],"tsCodes":["all"],"startDate":"2022-12-01","endDate":"2022-12-20"}""");
    }

    /** industryCode → sorted members, as served. */
    private Map<String, List<String>> industries(String query) throws Exception {
        HttpResponse<String> r = get("/api/data/industries?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode i : json.readTree(r.body())) {
            List<String> members = new ArrayList<>();
            i.get("members").forEach(m -> members.add(m.asString()));
            out.put(i.get("industryCode").asString(), members);
        }
        return out;
    }

    /** The stocks of {@code industry} listed on or before {@code date}, per the stock_basic file. */
    private static List<String> listedIn(String industry, LocalDate date, Map<String, String[]> classified) {
        String ymd = date.format(DateTimeFormatter.BASIC_ISO_DATE);
        return classified.entrySet().stream().filter(e -> e.getValue()[0].equals(industry) && e.getValue()[1].compareTo(ymd) <= 0)
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void ingestsTheClassificationCountsBadRowsAndServesMembershipByDate() throws Exception {
        HttpResponse<String> before = get("/api/data/industries?date=2022-12-20");
        assertThat(before.statusCode()).isEqualTo(409);
        assertThat(before.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(get("/api/data/industries/memberships").statusCode()).isEqualTo(409);

        Map<String, String[]> classified = classified();
        int industries = new TreeSet<>(classified.values().stream().map(v -> v[0]).toList()).size();
        JsonNode done = ingest();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("select count(*) from industry", Long.class)).isEqualTo(industries).isEqualTo(70);
        // Every classified stock once, plus 600000.SH's second industry after its move.
        assertThat(jdbc.queryForObject("select count(*) from industry_member", Long.class)).isEqualTo(classified.size() + 1L)
                .isEqualTo(331);
        Map<String, Long> rejected = json.convertValue(done.get("rejectedByReason"),
                new tools.jackson.core.type.TypeReference<Map<String, Long>>() {});
        assertThat(rejected).isEqualTo(SimFixture.PLANTED_INDUSTRY);
        assertThat(done.get("rowsStored").asLong()).isEqualTo(industries + classified.size() + 1L);
        // One index_classify call, then one index_member call per industry.
        assertThat(sim.calls("index_classify")).isEqualTo(1);
        assertThat(sim.calls("index_member")).isEqualTo(industries);

        String bank = codeOf("银行", classified);
        String estate = codeOf("全国地产", classified);
        LocalDate move = SimFixture.INDUSTRY_MOVE;
        LocalDate dayBefore = move.minusDays(1);
        Map<String, List<String>> before29 = industries("date=" + dayBefore);
        assertThat(before29.get(bank)).containsExactlyElementsOf(listedIn("银行", dayBefore, classified)).contains("600000.SH")
                .hasSize(22);
        assertThat(before29.values().stream().mapToInt(List::size).sum())
                .isEqualTo(classified.values().stream().filter(v -> v[1].compareTo("20210729") <= 0).count());

        Map<String, List<String>> after = industries("date=" + move);
        List<String> banks = new ArrayList<>(listedIn("银行", move, classified));
        banks.remove("600000.SH");
        assertThat(after.get(bank)).containsExactlyElementsOf(banks).hasSize(21);
        List<String> estates = new ArrayList<>(listedIn("全国地产", move, classified));
        estates.add("600000.SH");
        assertThat(after.get(estate)).containsExactlyInAnyOrderElementsOf(estates);

        assertThat(industries("date=" + dayBefore + "&ts_code=600000.SH").keySet()).containsExactly(bank);
        assertThat(industries("date=" + move + "&ts_code=600000.SH").keySet()).containsExactly(estate);
        // Listed 2022-01-05: unclassified before.
        assertThat(industries("date=2022-01-04&ts_code=600941.SH")).isEmpty();
        assertThat(industries("date=2022-01-05&ts_code=600941.SH").values()).singleElement().asList().contains("600941.SH");
        HttpResponse<String> one = get("/api/data/industries?date=2022-12-20&ts_code=600519.SH");
        assertThat(json.readTree(one.body()).get(0).get("name").asString()).isEqualTo("白酒");

        // Every membership with its dates, for consumers over a range: 600000.SH's two.
        HttpResponse<String> all = get("/api/data/industries/memberships");
        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode rows = json.readTree(all.body());
        assertThat(rows.size()).isEqualTo(331);
        List<String> spdb = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("tsCode").asString().equals("600000.SH")) {
                spdb.add(r.get("industryCode").asString() + " " + r.get("inDate").asString() + " " + r.get("outDate").asString(null));
            }
        });
        assertThat(spdb).containsExactlyInAnyOrder(bank + " 1999-11-10 " + move, estate + " " + move + " null");

        // Refreshed at most once a day: a second job the same day asks Tushare nothing, and stores the same.
        long calls = sim.calls("index_member");
        assertThat(ingest().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(sim.calls("index_member")).isEqualTo(calls);
        assertThat(jdbc.queryForObject("select count(*) from industry_member", Long.class)).isEqualTo(331);
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        for (String[] c : new String[][] {
                {"", "date"},
                {"date=2022-13-01", "date"},
                {"date=1900-01-01", "date"},
                {"date=2022-12-20&ts_code=600519", "ts_code"},
                {"date=2022-12-20&ts_code=000300.SH", "ts_code"},
                {"date=2022-12-20&ts_code=900901.SH", "ts_code"}}) {
            HttpResponse<String> r = get("/api/data/industries?" + c[0]);
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains("\"" + c[1]);
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }
}
