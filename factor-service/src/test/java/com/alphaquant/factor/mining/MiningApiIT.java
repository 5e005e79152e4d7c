package com.alphaquant.factor.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Evaluator;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.expr.Rpn;
import com.alphaquant.alpha.mine.AlphaMining;
import com.alphaquant.factor.Sample;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.mined.MinedNames;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.panel.PanelLoader;
import com.alphaquant.support.panel.PanelSource;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.LocalService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mining as a job of the service, over the real 30-stock sample (bars from the files, no cache)
 * and a PostgreSQL of its own: a small GP job runs to success, its formulas are stored with their
 * figures, listed in the catalog and served by name with the values libs/alpha's evaluator
 * gives on the same panel; bad requests are 400 problems naming the field; queued and running
 * jobs are cancelled; a job whose replica died is resumed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.factor.cache-enabled=false", "alphaquant.factor.max-stock-months=1000",
        "alphaquant.factor.mining-poll-interval=200ms", "alphaquant.factor.mining-stale-after=3s"})
class MiningApiIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration JOB_WAIT = Duration.ofMinutes(4);
    /** The sample's bars run from 2021-01-04 to 2022-12-20: the splits default to 60/20/20 of that. */
    static final String RANGE = "\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\"";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_factor_mining");
        registry.add("alphaquant.factor.bars-csv", Sample.BARS::toString);
        registry.add("alphaquant.factor.index-csv", Sample.INDEX::toString);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PanelSource bars;
    @Autowired
    FactorComputer computer;

    LocalService service;

    @BeforeEach
    void client() {
        service = new LocalService(port);
    }

    @Test
    void aGpJobStoresItsPoolWhoseFormulasAreFactorsByName() throws Exception {
        HttpResponse<String> submitted = service.post("/api/factors/mine",
                "{\"method\":\"gp\",\"budget\":300,\"seed\":7,\"poolSize\":3," + RANGE + "}");
        assertThat(submitted.statusCode()).isEqualTo(202);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(JSON.readTree(submitted.body()).get("id").asString());
        assertThat(location).isEqualTo("/api/factors/mine/" + id);

        JsonNode job = awaitEnd(location);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("progress").asDouble()).isEqualTo(100.0);
        JsonNode detail = job.get("detail");
        assertThat(detail.get("evaluated").asInt()).isPositive().isLessThanOrEqualTo(300);
        assertThat(detail.get("budget").asInt()).isEqualTo(300);
        assertThat(detail.has("etaSeconds")).isTrue();
        JsonNode result = job.get("result");
        System.out.printf("[mining] %s: evaluated %d, accepted %d, pool test IC %s, %.1f s, formulas %s%n", id,
                result.get("evaluated").asInt(), result.get("accepted").asInt(), result.get("pool").get("test").get("ic"),
                result.get("elapsedSeconds").asDouble(), result.get("formulas"));
        assertThat(result.get("method").asString()).isEqualTo("gp");
        assertThat(result.get("seed").asLong()).isEqualTo(7);
        assertThat(result.get("versions").get("alpha").asString()).isEqualTo(AlphaMining.VERSION);
        assertThat(result.get("pool").get("train").get("ic").isNumber()).isTrue();
        JsonNode formulas = result.get("formulas");
        assertThat(formulas.size()).as("a pool from seed 7").isBetween(1, 3);

        // Stored: one row per member, named by its formula, with its figures, data range and versions
        // (a formula another job stored first keeps that job's row).
        List<String> resultNames = formulas.valueStream().map(f -> f.get("name").asString()).toList();
        List<Map<String, Object>> rows = jdbc.queryForList("select * from mined_formula where name = any(?) order by name",
                (Object) resultNames.toArray(String[]::new));
        assertThat(rows).hasSize(formulas.size());
        for (Map<String, Object> row : rows) {
            Expr formula = FunctionForm.parse((String) row.get("formula"));
            assertThat(row.get("name")).isEqualTo(MinedNames.of(formula));
            assertThat(Rpn.parse((String) row.get("rpn"))).isEqualTo(formula);
            assertThat(row.get("method")).isEqualTo("gp");
            assertThat(row.get("job_id")).isEqualTo(id);
            assertThat(row.get("seed")).isEqualTo(7L);
            JsonNode metrics = JSON.readTree(row.get("metrics").toString());
            for (String split : List.of("train", "valid", "test")) {
                assertThat(metrics.get(split).has("ic")).isTrue();
                assertThat(metrics.get(split).has("rankIc")).isTrue();
                assertThat(metrics.get(split).has("turnover")).isTrue();
                assertThat(metrics.get(split).has("coverage")).isTrue();
            }
            assertThat(metrics.get("train").get("days").asInt()).isPositive();
            JsonNode range = JSON.readTree(row.get("data_range").toString());
            assertThat(range.get("start").asString()).isEqualTo("2021-01-04");
            assertThat(range.get("universe").asString()).isEqualTo("all");
            JsonNode versions = JSON.readTree(row.get("versions").toString());
            assertThat(versions.get("factors").asString()).isEqualTo(FactorEngine.VERSION);
            assertThat(versions.get("alpha").asString()).isEqualTo(AlphaMining.VERSION);
        }
        List<String> names = rows.stream().map(r -> (String) r.get("name")).toList();
        for (JsonNode f : formulas) {
            assertThat(names).contains(f.get("name").asString());
        }

        // Listed with its figures, and in the catalog as a factor of category mined.
        JsonNode mined = JSON.readTree(service.get("/api/factors/mined").body());
        assertThat(mined.valueStream().map(m -> m.get("name").asString()).toList()).containsAll(names);
        JsonNode catalog = JSON.readTree(service.get("/api/factors/catalog").body());
        assertThat(catalog.size()).isGreaterThanOrEqualTo(24 + names.size());
        assertThat(catalog.valueStream().limit(24).map(c -> c.get("category").asString())).doesNotContain("mined");
        for (Map<String, Object> row : rows) {
            JsonNode entry = catalog.valueStream().filter(c -> c.get("name").asString().equals(row.get("name"))).findFirst()
                    .orElseThrow();
            assertThat(entry.get("category").asString()).isEqualTo("mined");
            assertThat(entry.get("formula").asString()).isEqualTo(row.get("formula"));
            assertThat(entry.get("window").asInt()).isPositive();
        }

        // Served by name beside a built-in, equal to the evaluator's values on the service's panel.
        String name = names.get(0);
        Expr formula = FunctionForm.parse((String) rows.get(0).get("formula"));
        LocalDate from = LocalDate.of(2022, 6, 1);
        LocalDate to = LocalDate.of(2022, 6, 30);
        HttpResponse<String> values = service.get("/api/factors?ts_codes=all&start=" + from + "&end=" + to + "&names=MOM20," + name);
        assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
        JsonNode reply = JSON.readTree(values.body());
        Map<String, Double> expected = expected(formula, from, to);
        assertThat(reply.get("rows").size()).isEqualTo(expected.size());
        int compared = 0;
        for (JsonNode row : reply.get("rows")) {
            assertThat(row.get("values").propertyNames()).containsExactly("MOM20", name);
            Double want = expected.get(row.get("tsCode").asString() + " " + row.get("tradeDate").asString());
            JsonNode got = row.get("values").get(name);
            if (want == null) {
                assertThat(got.isNull()).as(row.toString()).isTrue();
            } else {
                assertThat(got.asDouble()).as(row.toString()).isCloseTo(want, within(1e-12 * Math.max(1, Math.abs(want))));
                compared++;
            }
            assertThat(row.get("values").get("MOM20").isNumber()).isTrue();
        }
        assertThat(compared).isPositive();
        System.out.printf("[mining] %s = %s: %d of %d values compared with the evaluator%n", name, formula, compared,
                reply.get("rows").size());

        // A job that already ended cannot be cancelled.
        assertThat(service.delete(location).statusCode()).isEqualTo(409);
    }

    /** libs/alpha's evaluator on the panel the service loads for [from, to] (its warm-up included), by "code date". */
    Map<String, Double> expected(Expr formula, LocalDate from, LocalDate to) {
        List<TsCode> codes = bars.securities().stream().map(PanelSource.Security::code).toList();
        FactorPanel panel = new FactorEngine(FactorComputer.FACTORS, 1)
                .compute(new PanelLoader(bars, computer.warmupBars()).load(codes, from, to));
        AlphaPanel alpha = AlphaPanel.of(panel);
        double[] values = new Evaluator(alpha).evaluate(formula);
        Map<String, Double> out = new HashMap<>();
        for (int row = 0; row < alpha.rows(); row++) {
            int date = alpha.session(alpha.rowDay(row));
            if (date >= DateInts.of(from) && date <= DateInts.of(to)) {
                out.put(alpha.stocks().get(alpha.rowStock(row)).code() + " " + DateInts.toLocalDate(date),
                        Double.isFinite(values[row]) ? values[row] : null);
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                                      | method",
            "{\"method\":\"ga\",\"budget\":10,\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\"}      | method",
            "{\"method\":\"gp\",\"budget\":0,\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\"}            | budget",
            "{\"method\":\"gp\",\"budget\":\"many\",\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\"}     | budget",
            "{\"method\":\"gp\",\"budget\":10,\"startDate\":\"2021-13-04\",\"endDate\":\"2022-12-20\"}           | startDate",
            "{\"method\":\"gp\",\"budget\":10,\"startDate\":\"2022-12-20\",\"endDate\":\"2021-01-04\"}           | endDate",
            "{\"method\":\"gp\",\"budget\":10,\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\",\"maxCorrelation\":1.5} | maxCorrelation",
            "{\"method\":\"gp\",\"budget\":10,\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\",\"poolSize\":0}        | poolSize",
            "{\"method\":\"gp\",\"budget\":10,\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\",\"seed\":\"x\"}       | seed",
            "{\"method\":\"gp\",\"budget\":10,\"startDate\":\"2021-01-04\",\"endDate\":\"2022-12-20\",\"tsCodes\":[\"600000\"]} | tsCodes[0]"})
    void aBadRequestIsA400ProblemNamingTheField(String body, String field) throws Exception {
        HttpResponse<String> answer = service.post("/api/factors/mine", body);
        System.out.printf("[mine 400] %s -> %d %s%n", body, answer.statusCode(), answer.body());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void unknownJobsAndNamesAreProblemsToo() throws Exception {
        HttpResponse<String> rl = service.post("/api/factors/mine", "{\"method\":\"rl\",\"budget\":10," + RANGE + "}");
        if (rl.statusCode() == 400) { // no policy miner in this build: refused as unavailable, naming the method
            assertThat(JSON.readTree(rl.body()).get("errors").get(0).get("field").asString()).isEqualTo("method");
        } else {
            assertThat(rl.statusCode()).isEqualTo(202);
            service.delete(rl.headers().firstValue("Location").orElseThrow());
        }
        assertThat(service.get("/api/factors/mine/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        HttpResponse<String> notUuid = service.get("/api/factors/mine/not-a-job");
        assertThat(notUuid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notUuid.body()).get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(service.delete("/api/factors/mine/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = service.get("/api/factors?ts_codes=all&start=2022-06-01&end=2022-06-30&names=MOM20,ALPHA_00000000");
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(unknown.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("names");
        assertThat(problem.get("detail").asString()).contains("ALPHA_00000000");
    }

    @Test
    void queuedAndRunningJobsAreCancelled() throws Exception {
        // A budget far beyond the test's patience: it runs until it is cancelled.
        String running = service.post("/api/factors/mine", "{\"method\":\"gp\",\"budget\":1000000,\"seed\":1," + RANGE + "}")
                .headers().firstValue("Location").orElseThrow();
        await().atMost(JOB_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode job = JSON.readTree(service.get(running).body());
            return job.get("status").asString().equals("RUNNING") && job.get("detail") != null
                    && job.get("detail").has("evaluated") && job.get("detail").get("evaluated").asInt() > 0;
        });
        // One job at a time per replica: a second one waits in the queue, and is cancelled there at once.
        String queued = service.post("/api/factors/mine", "{\"method\":\"gp\",\"budget\":10," + RANGE + "}")
                .headers().firstValue("Location").orElseThrow();
        HttpResponse<String> cancelQueued = service.delete(queued);
        assertThat(cancelQueued.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(cancelQueued.body()).get("status").asString()).isEqualTo("CANCELLED");

        HttpResponse<String> cancelRunning = service.delete(running);
        assertThat(cancelRunning.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(cancelRunning.body()).get("cancelRequested").asBoolean()).isTrue();
        JsonNode stopped = awaitEnd(running);
        assertThat(stopped.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(stopped.get("message").asString()).isEqualTo("Cancelled on request");
        assertThat(stopped.get("detail").get("evaluated").asInt()).isLessThan(1_000_000);
        assertThat(JSON.readTree(service.get(queued).body()).get("startedAt").isNull()).isTrue(); // never ran
    }

    @Test
    void aJobWhoseReplicaDiedIsResumedByAnother() throws Exception {
        // As a replica leaves it when it dies mid-run: RUNNING under its claim, the heartbeat long stopped.
        UUID id = UUID.randomUUID();
        String request = JSON.writeValueAsString(new MineRequest("gp", 50, LocalDate.of(2021, 1, 4), LocalDate.of(2022, 12, 20),
                LocalDate.of(2022, 2, 1), LocalDate.of(2022, 7, 1), 20, 11L, 0.7, 2, 15, List.of()));
        jdbc.update("insert into mining_job (id, status, request, attempts, claim_token, created_at, started_at, heartbeat_at) "
                + "values (?, 'RUNNING', cast(? as json), 1, ?, now(), now() - interval '1 hour', now() - interval '1 hour')",
                id, request, UUID.randomUUID());

        JsonNode job = awaitEnd("/api/factors/mine/" + id);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("attempts").asInt()).isEqualTo(2);
        assertThat(job.get("result").get("seed").asLong()).isEqualTo(11);
    }

    private JsonNode awaitEnd(String location) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(JOB_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode job = JSON.readTree(service.get(location).body());
            last.set(job);
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status").asString());
        });
        return last.get();
    }
}
