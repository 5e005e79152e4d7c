package com.alphaquant.backtest.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.ServiceIT;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Jobs live in the database, not in a worker's memory: a job left RUNNING by a worker that died
 * (no heartbeat) is claimed again and finished; an optimisation keeps the points it had stored;
 * a job that lost its worker too often is failed with a message and a FAILED event.
 */
class JobRecoveryIT extends ServiceIT {

    @Autowired
    JdbcTemplate jdbc;

    private static final BacktestRequest REQUEST = RequestParserTest.request("buy_and_hold", null, "2022-01-04", "2022-06-30",
            List.of("600000.SH", "600519.SH"), null);

    /** A job as a worker that died mid-run leaves it: RUNNING, claimed, its heartbeat an hour old. */
    private UUID orphan(String kind, String parametersJson, int attempts) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into backtest_job (id, kind, status, strategy, start_date, end_date, parameters, progress, attempts, "
                        + "claim_token, engine_version, created_at, started_at, heartbeat_at) values (?, ?, 'RUNNING', 'buy_and_hold', "
                        + "'2022-01-04', '2022-06-30', cast(? as json), 42, ?, ?, '1.0.0', now(), now() - interval '1 hour', "
                        + "now() - interval '1 hour')",
                id, kind, parametersJson, attempts, UUID.randomUUID());
        return id;
    }

    @Test
    void aBacktestWhoseWorkerDiedIsResumedByAnother() throws Exception {
        UUID id = orphan("BACKTEST", json.writeValueAsString(RequestParser.parse(REQUEST).normalized()), 1);

        JsonNode job = awaitEnd("/api/backtests/" + id, Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("select attempts from backtest_job where id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from backtest_equity where job_id = ?", Integer.class, id)).isEqualTo(117);
        assertThat(completedEvents(id.toString(), 1, Duration.ofSeconds(60))).hasSize(1);
    }

    @Test
    void anOptimisationResumesWithThePointsItHadStored() throws Exception {
        ParameterGrid.Plan plan = ParameterGrid.plan(new OptimizeRequest(REQUEST, List.of(
                new OptimizeRequest.Range("commission", List.of(0.0001, 0.0002, 0.0003), null, null, null)), "max_return"), 100);
        UUID id = orphan("OPTIMIZE", json.writeValueAsString(plan.normalized()), 1);
        // point 1 was finished before the worker died; a marker shows it is not computed again
        jdbc.update("insert into backtest_grid_point (job_id, point_no, parameters, metrics, final_equity, fills, rejections) "
                + "values (?, 1, '{\"commission\":0.0002}', '{\"total_return\":9.99}', -1, 0, 0)", id);

        JsonNode job = awaitEnd("/api/backtests/optimize/" + id, Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("done").asInt()).isEqualTo(3);
        assertThat(job.get("best").get("point").asInt()).isEqualTo(1);
        assertThat(job.get("best").get("finalEquity").asDouble()).isEqualTo(-1.0);
        assertThat(job.get("grid").get(1).get("finalEquity").asDouble()).isPositive();
        // cheaper commission, higher return among the two computed points
        assertThat(job.get("grid").get(1).get("parameters").get("commission").asDouble()).isEqualTo(0.0001);
    }

    @Test
    void aJobThatKeepsLosingItsWorkerIsFailed() throws Exception {
        UUID id = orphan("BACKTEST", json.writeValueAsString(RequestParser.parse(REQUEST).normalized()), 3);

        JsonNode job = awaitEnd("/api/backtests/" + id, Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("message").asString()).startsWith("The job's worker stopped 3 times (no heartbeat for PT3S); not retried");
        assertThat(completedEvents(id.toString(), 1, Duration.ofSeconds(60))).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"status\":\"FAILED\""));
    }
}
