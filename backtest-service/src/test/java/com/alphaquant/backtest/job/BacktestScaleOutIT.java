package com.alphaquant.backtest.job;

import static com.alphaquant.testsupport.EmbeddedKafkaClients.consumer;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphaquant.backtest.BacktestServiceApplication;
import com.alphaquant.backtest.FakeDataService;
import com.alphaquant.backtest.store.JobRecord;
import com.alphaquant.events.Topics;
import com.alphaquant.testsupport.Replicas;
import com.alphaquant.testsupport.TestInfra;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two replicas of backtest-service draining one job table: each claims a job of its own, and when
 * one is stopped mid-job (its context closed, as a pod is on SIGTERM) the other finishes that job
 * once the stopped one's heartbeat is stale. Every job ends once, succeeded, with one
 * backtest.completed; none is lost to the stop.
 */
class BacktestScaleOutIT {

    static final Duration STALE_AFTER = Duration.ofSeconds(3);
    static final BacktestRequest REQUEST = RequestParserTest.request("buy_and_hold", null, "2022-01-04", "2022-06-30",
            List.of("600000.SH", "600519.SH"), null);

    @Test
    void aJobWhoseReplicaStopsMidRunIsFinishedByTheOtherAndEveryJobEndsOnce() {
        FakeDataService data = FakeDataService.start();
        try (data;
             Replicas backtest = Replicas.of(BacktestServiceApplication.class)
                     .with(registry -> {
                         TestInfra.postgres(registry, "aq_backtest"); // one job table for both
                         TestInfra.kafka(registry, Topics.BACKTEST_COMPLETED);
                     })
                     .property("alphaquant.backtest.data-service-url", data.url())
                     .property("alphaquant.backtest.job-threads", 1) // one job at a time per replica
                     .property("alphaquant.backtest.job-poll-interval", "100ms")
                     .property("alphaquant.backtest.job-stale-after", STALE_AFTER.toSeconds() + "s")
                     .property("alphaquant.outbox.interval", "200ms")
                     .start(2);
             KafkaConsumer<String, String> completed = consumer(Topics.BACKTEST_COMPLETED)) {
            // data-service hangs: a claimed job stays in its bar loading, mid-run, until released.
            data.hold();
            BacktestJobs jobs = backtest.bean(0, BacktestJobs.class);
            UUID first = jobs.submit(REQUEST);
            UUID second = jobs.submit(REQUEST);
            // Both running: one on each replica, as neither takes a second job while it runs one.
            await().atMost(Duration.ofSeconds(30)).until(() -> status(backtest, first).equals("RUNNING")
                    && status(backtest, second).equals("RUNNING"));

            backtest.stop(0);
            data.release();

            // Replica 1 finishes its own job, then claims the stopped one's once its heartbeat is stale.
            Survivor survivor = new Survivor(backtest, 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> survivor.ended(first) && survivor.ended(second));
            for (UUID id : List.of(first, second)) {
                assertThat(survivor.jobs.find(id).orElseThrow()).satisfies(job -> {
                    assertThat(job.status()).as(job.message()).isEqualTo(JobRecord.SUCCEEDED);
                    assertThat(job.message()).isNull();
                });
                // The results of one run (an earlier attempt's would be replaced, never added) ...
                assertThat(survivor.count("select count(*) from backtest_equity where job_id = ?", id)).isEqualTo(117);
                // ... and one event, written with the end state.
                assertThat(survivor.count("select count(*) from outbox where event_key = ?", id.toString())).isEqualTo(1);
            }
            // One job was claimed twice (its first replica stopped), the other once.
            assertThat(List.of(survivor.attempts(first), survivor.attempts(second))).containsExactlyInAnyOrder(1, 2);

            List<ConsumerRecord<String, String>> events = poll(completed, 2, Duration.ofSeconds(30),
                    r -> Set.of(first.toString(), second.toString()).contains(r.key()));
            assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(first.toString(), second.toString());
            assertThat(events).allSatisfy(r -> assertThat(r.value()).contains("\"status\":\"SUCCEEDED\""));
        } finally {
            data.release(); // a failure above must not leave the server's threads hanging
        }
    }

    private static String status(Replicas backtest, UUID id) {
        return backtest.bean(0, BacktestJobs.class).find(id).orElseThrow().status();
    }

    /** The jobs as the replica still running sees them. */
    private static final class Survivor {

        final BacktestJobs jobs;
        final JdbcTemplate jdbc;

        Survivor(Replicas backtest, int replica) {
            this.jobs = backtest.bean(replica, BacktestJobs.class);
            this.jdbc = backtest.bean(replica, JdbcTemplate.class);
        }

        boolean ended(UUID id) {
            String status = jobs.find(id).orElseThrow().status();
            return status.equals(JobRecord.SUCCEEDED) || status.equals(JobRecord.FAILED);
        }

        int attempts(UUID id) {
            return jobs.find(id).orElseThrow().attempts();
        }

        long count(String sql, Object arg) {
            return jdbc.queryForObject(sql, Long.class, arg);
        }
    }
}
