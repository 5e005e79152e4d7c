package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The picocli command: options, foreground run, one log line per call without the token. */
class TushareSimCommandTest {

    @TempDir
    Path dir;

    @Test
    void defaults() {
        TushareSimCommand command = new TushareSimCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.port).isEqualTo(7070);
        assertThat(command.callsPerMinute).isEqualTo(200);
        assertThat(command.rowCap).isEqualTo(6000);
        assertThat(command.fault).isEmpty();
        assertThat(command.data).isNull();
        assertThat(command.tokens).isEmpty();
        assertThat(new CommandLine(command).getCommandName()).isEqualTo("tushare-sim");
    }

    @Test
    void runsInTheForegroundAndLogsEachCallWithoutTheToken() throws Exception {
        TinyData.write(dir);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        TushareSimCommand command = new TushareSimCommand(out);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(new CommandLine(command).execute("--port", "0", "--data", dir.toString(),
                "--token", "secret-token-123", "--fault", "429@2", "--calls-per-minute", "50", "--row-cap", "5")));
        runner.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (command.running() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        TushareSim sim = command.running();
        assertThat(sim).isNotNull();
        SimClient client = new SimClient(sim).token("secret-token-123");
        SimClient.Reply first = client.call("daily", "trade_date", "20230103");
        assertThat(first.code()).isZero();
        assertThat(client.call("daily").status()).isEqualTo(429);
        assertThat(client.call("daily").items()).hasSize(5);
        assertThat(new SimClient(sim).call("daily").code()).as("the default token is replaced").isEqualTo(40101);
        // A call's log line is written after its answer is sent: wait for the last one before stopping.
        long logged = System.nanoTime() + 10_000_000_000L;
        while (!buffer.toString(StandardCharsets.UTF_8).contains("code=40101") && System.nanoTime() < logged) {
            Thread.sleep(5);
        }
        sim.close();
        runner.join(5000);
        assertThat(exit.get()).isZero();

        String log = buffer.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("tushare-sim listening on http://127.0.0.1:")
                .contains("daily <- " + dir.resolve("daily.csv"))
                .contains("daily {trade_date=20230103} -> code=0 rows=3")
                .contains("fault HTTP 429")
                .contains("code=40101")
                .doesNotContain("secret-token-123");
    }

    @Test
    void aBadFaultSpecFailsAtStart() throws Exception {
        TinyData.write(dir);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TushareSimCommand(new PrintStream(new ByteArrayOutputStream())));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("--port", "0", "--data", dir.toString(), "--fault", "teapot@1");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("teapot");
    }

    @Test
    void mapsFilesExplicitly() throws Exception {
        TinyData.write(dir);
        TushareSimCommand command = new TushareSimCommand();
        new CommandLine(command).parseArgs("--file", "daily=" + dir.resolve("daily.csv"), "--any-token", "--deny", "adj_factor,stk_limit", "--quiet");
        try (TushareSim sim = command.builder().start()) {
            assertThat(sim.dataMapping().get("daily")).isEqualTo(dir.resolve("daily.csv").toString());
            assertThat(sim.dataMapping().get("trade_cal")).contains("no data");
            SimClient client = new SimClient(sim).token("anything");
            assertThat(client.call("daily").code()).isZero();
            assertThat(client.call("adj_factor").code()).isEqualTo(40203);
            assertThat(client.call("stk_limit").code()).isEqualTo(40203);
        }
    }
}
