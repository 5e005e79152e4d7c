package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.LocalService;
import com.alphaquant.testsupport.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily cycle on a test clock against tushare-sim over the real sample, which publishes
 * each day only when the test says so: a day asked for before it is published is a gap, asked
 * again once its retry is due and fetched then; today is stored but covered only once it is
 * past; a day still empty past its deadline is late and no longer asked for. Counts are
 * computed from the sample's files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alphaquant.outbox.enabled=false", "alphaquant.data.job-poll-interval=100ms",
        "alphaquant.data.cycle.enabled=true", "alphaquant.data.cycle.start=2022-12-01",
        "alphaquant.data.cycle.cron=0 0 0 1 1 *", "alphaquant.data.cycle.retry-check=1h"})
class DailyCycleIT {

    static final SimFixture sim = SimFixture.start();
    /** Monday 2022-12-19, 16:30 in Beijing. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2022-12-19T08:30:00Z"));

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_cycle");
        registry.add("alphaquant.data.tushare.url", sim::url);
        registry.add("alphaquant.data.tushare.token", () -> SimFixture.TOKEN);
        registry.add("alphaquant.data.tushare.calls-per-minute", () -> 60_000);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    DailyCycle cycle;
    @Autowired
    JdbcTemplate jdbc;
    LocalService service;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void connect() {
        service = new LocalService(port);
    }

    @Test
    void aDayAskedBeforeItIsPublishedIsFetchedOnTheNextCycleAndALateOneIsReported() {
        LocalDate friday = LocalDate.of(2022, 12, 16);
        LocalDate monday = LocalDate.of(2022, 12, 19);
        LocalDate tuesday = LocalDate.of(2022, 12, 20);
        SimFixture.Expected expected = sim.expected();

        // Monday after the close, Tushare still on Friday: Monday is a gap, Friday complete.
        sim.publishThrough(friday);
        runCycle();
        assertThat(dailyRows(LocalDate.of(2022, 12, 1), friday)).isEqualTo(expected.validDailyRows(LocalDate.of(2022, 12, 1), friday));
        assertThat(dailyRows(monday, monday)).isZero();
        JsonNode daily = datasetStatus("daily");
        assertThat(daily.get("lastCompleteDay").asString()).isEqualTo("2022-12-16");
        assertThat(daily.get("pending")).hasSize(1);
        assertThat(daily.get("pending").get(0).get("day").asString()).isEqualTo("2022-12-19");
        assertThat(daily.get("pending").get(0).get("attempts").asInt()).isEqualTo(1);

        // Monday is published; the retry is due 15 minutes later and fetches it.
        sim.publishThrough(monday);
        CLOCK.advance(Duration.ofMinutes(16));
        cycle.retryDue();
        awaitCycleJob();
        assertThat(dailyRows(monday, monday)).isEqualTo(expected.validDailyRows(monday, monday));
        assertThat(datasetStatus("daily").get("pending")).isEmpty();

        // Tuesday: Monday, stored on its own day, is asked once more and now covered; nothing doubles.
        // One of Monday's rows was corrected meanwhile (here: our copy differs from Tushare's):
        // the re-fetch overwrites it and announces that stock alone for Monday.
        double close = jdbc.queryForObject("select close from daily_bar where ts_code = '600519.SH' and trade_date = ?",
                Double.class, monday);
        jdbc.update("update daily_bar set close = close + 1 where ts_code = '600519.SH' and trade_date = ?", monday);
        sim.publishThrough(tuesday);
        CLOCK.set(Instant.parse("2022-12-20T08:30:00Z"));
        UUID tuesdayJob = runCycle();
        assertThat(dailyRows(LocalDate.of(2022, 12, 1), tuesday)).isEqualTo(expected.validDailyRows(LocalDate.of(2022, 12, 1), tuesday));
        assertThat(datasetStatus("daily").get("lastCompleteDay").asString()).isEqualTo("2022-12-19");
        assertThat(jdbc.queryForObject("select close from daily_bar where ts_code = '600519.SH' and trade_date = ?", Double.class,
                monday)).isEqualTo(close);
        assertThat(ingestedCodes(tuesdayJob, "daily", monday)).containsExactly("600519.SH");
        assertThat(ingestedCodes(tuesdayJob, "daily", tuesday)).hasSize((int) expected.validDailyRows(tuesday, tuesday));
        // Its market.data.ready spans the days it fetched, not the cycle's whole range since its start.
        JsonNode ready = json.readTree(jdbc.queryForObject("select payload from outbox where topic = 'market.data.ready' "
                + "and payload::jsonb ->> 'jobId' = ?", String.class, tuesdayJob.toString()));
        assertThat(ready.get("startDate").asString()).isEqualTo("2022-12-19");
        assertThat(ready.get("endDate").asString()).isEqualTo("2022-12-20");

        // Wednesday never comes (the sample ends on Tuesday): empty, retried, late by Thursday 09:00.
        CLOCK.set(Instant.parse("2022-12-21T08:30:00Z"));
        runCycle();
        CLOCK.set(Instant.parse("2022-12-22T01:00:00Z"));
        cycle.retryDue();
        awaitCycleJob();
        JsonNode late = datasetStatus("daily");
        assertThat(late.get("lateDays").asInt()).isEqualTo(1);
        assertThat(late.get("late").get(0).asString()).isEqualTo("2022-12-21");

        // A late day is left alone: Thursday's cycle asks Thursday only (the morning's retry did
        // not ask Thursday, whose session had not closed yet).
        assertThat(late.get("pending")).isEmpty();
        long before = sim.calls("daily");
        CLOCK.set(Instant.parse("2022-12-22T08:30:00Z"));
        runCycle();
        assertThat(sim.calls("daily") - before).isEqualTo(1);
        System.out.printf("[cycle] status on 2022-12-22 16:30 Beijing: %s%n", service.get("/api/data/status").body());
    }

    private UUID runCycle() {
        UUID job = cycle.run("test").orElseThrow();
        awaitCycleJob();
        return job;
    }

    /** The codes a job's market.data.ingested event of one dataset and day lists. */
    private List<String> ingestedCodes(UUID job, String dataset, LocalDate day) {
        String payload = jdbc.queryForObject("select payload from outbox where topic = 'market.data.ingested' "
                        + "and payload::jsonb ->> 'jobId' = ? and payload::jsonb ->> 'dataset' = ? and payload::jsonb ->> 'startDate' = ?",
                String.class, job.toString(), dataset, day.toString());
        List<String> codes = new ArrayList<>();
        json.readTree(payload).get("tsCodes").forEach(c -> codes.add(c.asString()));
        return codes;
    }

    private void awaitCycleJob() {
        await("the cycle job to succeed").atMost(Duration.ofMinutes(2)).until(() -> {
            UUID last = jdbc.queryForObject("select id from ingest_job where origin = 'cycle' order by created_at desc limit 1",
                    UUID.class);
            String status = jdbc.queryForObject("select status from ingest_job where id = ?", String.class, last);
            assertThat(status).isNotEqualTo("FAILED");
            return status.equals("SUCCEEDED");
        });
    }

    private long dailyRows(LocalDate from, LocalDate to) {
        return jdbc.queryForObject("select count(*) from daily_bar where trade_date between ? and ?", Long.class, from, to);
    }

    private JsonNode datasetStatus(String dataset) {
        JsonNode status = json.readTree(service.get("/api/data/status").body());
        for (JsonNode d : status.get("datasets")) {
            if (d.get("dataset").asString().equals(dataset)) {
                return d;
            }
        }
        throw new AssertionError("no status for " + dataset + ": " + status);
    }
}
