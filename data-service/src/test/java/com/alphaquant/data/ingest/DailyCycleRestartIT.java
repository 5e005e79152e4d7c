package com.alphaquant.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alphaquant.events.Topics;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.TushareCsv;
import com.alphaquant.testsupport.FreshDatabase;
import com.alphaquant.testsupport.http.LocalService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service killed ({@code kill -9}: no shutdown, no last words) in the middle of its daily
 * cycle and started again on the same database: the new process resumes the cycle's job once
 * its heartbeat has stopped, and the store ends with exactly the sample's rows, each day's event
 * once and every day covered. The service runs as its own executable jar, as in production.
 */
class DailyCycleRestartIT {

    static final SimFixture sim = SimFixture.start();
    static final String DATABASE = FreshDatabase.create("aq_cycle_restart");
    /** The sample's last quarter; the cycle asks through today, where the sample has nothing. */
    static final LocalDate START = LocalDate.of(2022, 9, 1);
    static final LocalDate END = LocalDate.of(2022, 12, 20);

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aCycleKilledHalfWayEndsWithEveryRowOnceAfterARestart() throws Exception {
        UUID job;
        long unitsBeforeKill;
        // Two calls a second, so that the process dies with most units still to fetch.
        Instance first = start(120);
        try {
            job = UUID.fromString(JsonMapper.builder().build().readTree(first.service().post("/api/data/cycle", "").body())
                    .get("id").asString());
            await("a few units stored").atMost(Duration.ofMinutes(2)).until(() -> count("select units_done from ingest_job where id = '"
                    + job + "'") >= 10);
        } finally {
            first.process().destroyForcibly().waitFor();
        }
        unitsBeforeKill = count("select units_done from ingest_job where id = '" + job + "'");
        long storedBeforeKill = count("select count(*) from daily_bar");
        String before = quoteRows();
        System.out.printf("[restart] killed after %d units, %d daily rows stored (%s); job %s left %s%n", unitsBeforeKill,
                storedBeforeKill, before, job, text("select status from ingest_job where id = '" + job + "'"));
        assertThat(storedBeforeKill).isLessThan(sim.expected().validDailyRows(START, END));

        Instance second = start(60_000);
        try {
            await("the resumed cycle job to succeed").atMost(Duration.ofMinutes(4))
                    .until(() -> "SUCCEEDED".equals(text("select status from ingest_job where id = '" + job + "'")));
        } finally {
            second.process().destroyForcibly().waitFor();
        }

        SimFixture.Expected expected = sim.expected();
        long daily = count("select count(*) from daily_bar");
        long adj = count("select count(*) from adj_factor");
        long openDays = count("select count(*) from trade_calendar where is_open and cal_date between '" + START + "' and '" + END + "'");
        long events = count("select count(*) from outbox where topic = '" + Topics.MARKET_DATA_INGESTED
                + "' and payload::jsonb ->> 'dataset' = 'daily' and (payload::jsonb ->> 'rows')::bigint > 0");
        System.out.printf("[restart] after the restart: daily %d rows (sample %d), adj_factor %d (sample %d), "
                        + "%d daily events for %d trading days, %d cycle jobs (%s)%n", daily, expected.validDailyRows(START, END), adj,
                expected.adjRows(START, END), events, openDays, count("select count(*) from ingest_job"), quoteRows());
        assertThat(daily).isEqualTo(expected.validDailyRows(START, END));
        assertThat(adj).isEqualTo(expected.adjRows(START, END));
        assertThat(count("select count(*) from stk_limit")).isEqualTo(limitFileRows()); // partly stored before the kill
        assertThat(events).isEqualTo(openDays);
        assertThat(count("select count(*) from coverage where dataset = 'daily' and scope = '*' and from_date <= '" + END + "'"))
                .isEqualTo(openDays);
        assertThat(count("select count(*) from ingest_job")).isEqualTo(1);
    }

    /** The synthetic stk_limit file's rows in [START, END], counted from the file. */
    private static long limitFileRows() {
        long[] n = {0};
        TushareCsv.forEachRow(SampleData.file(SampleData.SYNTHETIC_STK_LIMIT), List.of("trade_date"), row -> {
            LocalDate day = LocalDate.parse(row.text("trade_date"), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            n[0] += day.isBefore(START) || day.isAfter(END) ? 0 : 1;
        });
        return n[0];
    }

    /** Rows of every per-day table, for the log: what a kill left, what the restart completed. */
    private String quoteRows() {
        return java.util.stream.Stream.of("daily_bar", "adj_factor", "index_bar", "stk_limit", "suspension", "north_flow", "index_weight")
                .map(t -> t + " " + count("select count(*) from " + t)).collect(java.util.stream.Collectors.joining(", "));
    }

    /** One data-service process and a client for its port. */
    record Instance(Process process, LocalService service) {
    }

    /** data-service's executable jar in its own JVM on a free port, logging to target/, once it is ready. */
    private static Instance start(int callsPerMinute) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "cycle-restart-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", executableJar().toString(), "--server.port=" + port,
                "--spring.datasource.url=" + DATABASE, "--spring.datasource.username=" + FreshDatabase.user(),
                "--spring.datasource.password=" + FreshDatabase.password(), "--alphaquant.outbox.enabled=false",
                "--alphaquant.data.job-poll-interval=100ms", "--alphaquant.data.job-stale-after=2s",
                "--alphaquant.data.tushare.url=" + sim.url(), "--alphaquant.data.tushare.calls-per-minute=" + callsPerMinute,
                "--alphaquant.data.tushare.concurrency=1", "--alphaquant.data.cycle.start=" + START,
                "--alphaquant.data.cycle.cron=0 0 0 1 1 *", "--alphaquant.data.cycle.retry-check=1h"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TUSHARE_TOKEN", SimFixture.TOKEN);
        Process process = builder.start();
        LocalService service = new LocalService(port);
        await("data-service to start").atMost(Duration.ofMinutes(2))
                .until(() -> !process.isAlive() || service.status("/actuator/health/readiness") == 200);
        assertThat(process.isAlive()).as("data-service exited; see " + log).isTrue();
        return new Instance(process, service);
    }

    private static Path executableJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("data-service-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in target/: run mvn verify, not only test"));
        }
    }

    private static long count(String sql) {
        String value = text(sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String text(String sql) {
        try (Connection c = DriverManager.getConnection(DATABASE, FreshDatabase.user(), FreshDatabase.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
