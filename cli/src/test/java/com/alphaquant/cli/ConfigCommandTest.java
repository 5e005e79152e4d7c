package com.alphaquant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.config.AlphaConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheFile() {
        System.clearProperty(AlphaConfig.FILE_PROPERTY);
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("alpha_config.yaml"), yaml);
    }

    @Test
    void printsEveryKeyWithItsValueAndSource() throws IOException {
        Path f = file("alphaquant:\n  backtest:\n    defaults:\n      commission: 0.0005\n  strategy:\n    universe: [600519.SH, 000001.SZ]\n");

        assertThat(AlphaQuant.run("config", "--file", f.toString())).as(console.err()).isZero();
        assertThat(console.out()).contains("# file " + f.toAbsolutePath(),
                "alphaquant.backtest.defaults.commission = 0.0005 (file)\n",
                "alphaquant.backtest.defaults.min-commission = 5 (default)\n",
                "alphaquant.strategy.universe = 600519.SH,000001.SZ (file)\n",
                "alphaquant.gateway.rate-limit.requests-per-second = 50 (default)\n",
                "alphaquant.backtest.sample-dir = (not set)\n",
                "ALPHAQUANT_GATEWAY_SESSION_SECRET = (not set)\n",
                "TUSHARE_TOKEN = ");
    }

    @Test
    void aSecretIsShownMaskedAndAnOverrideByItsVariable() throws IOException {
        AlphaConfig config = AlphaConfig.load(file("alphaquant:\n  data:\n    tushare:\n      concurrency: 3\n"),
                Map.of("TUSHARE_TOKEN", "f00dfeed", "TUSHARE_CALLS_PER_MINUTE", "500"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConfigCommand.print(config, dir.resolve("alpha_config.yaml"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("TUSHARE_TOKEN = ******** (environment)\n",
                "alphaquant.data.tushare.calls-per-minute = 500 (environment TUSHARE_CALLS_PER_MINUTE)\n",
                "alphaquant.data.tushare.concurrency = 3 (file)\n").doesNotContain("f00dfeed");
        assertThat(ConfigCommand.line(AlphaConfig.load(dir.resolve("none.yaml"), Map.of()).get("alphaquant.data.tushare.token")))
                .isEqualTo("TUSHARE_TOKEN = (not set)");
    }

    @Test
    void anInvalidFileIsExitCodeTwoNamingTheKeyAndTheReason() throws IOException {
        Path f = file("alphaquant:\n  dashboard:\n    colours: blue-up\n");

        assertThat(AlphaQuant.run("config", "--file", f.toString())).isEqualTo(2);
        assertThat(console.err()).isEqualTo("alphaquant: " + f.toAbsolutePath()
                + ":3: alphaquant.dashboard.colours: must be one of red-up, green-up, got 'blue-up'" + System.lineSeparator());

        Files.writeString(f, "alphaquant:\n  data:\n    tushare:\n      token: f00dfeed\n");
        console.reset();
        assertThat(AlphaQuant.run("config", "--file", f.toString())).isEqualTo(2);
        assertThat(console.err()).contains(":4: alphaquant.data.tushare.token: is a secret", "TUSHARE_TOKEN")
                .doesNotContain("f00dfeed");

        console.reset();
        assertThat(AlphaQuant.run("config", "--file", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(console.err()).contains("missing.yaml: no such file");
    }

    @Test
    void backtestTakesItsCostDefaultsFromTheFileAndExplicitOptionsWin() throws IOException {
        System.setProperty(AlphaConfig.FILE_PROPERTY, file("alphaquant:\n  backtest:\n    defaults:\n      commission: 0.001\n").toString());
        String[] run = {"backtest", "--strategy", "buy_and_hold", "--start-date", "2022-01-04", "--end-date", "2022-03-31",
                "--stocks", "600000.SH,600519.SH", "--benchmark", "none", "--out"};

        assertThat(AlphaQuant.run(concat(run, dir.resolve("file").toString()))).as(console.err()).isZero();
        assertThat(commissionRates(dir.resolve("file"))).containsExactly(0.001, 0.001);

        assertThat(AlphaQuant.run(concat(run, dir.resolve("option").toString(), "--commission", "0.0003"))).as(console.err()).isZero();
        assertThat(commissionRates(dir.resolve("option"))).containsExactly(0.0003, 0.0003);

        console.reset();
        assertThat(AlphaQuant.run("backtest", "--help")).isZero();
        assertThat(console.out()).contains("of value, both sides; default 0.001");

        Path invalid = file("alphaquant:\n  backtest:\n    defaults:\n      commission: 0.5\n");
        console.reset();
        assertThat(AlphaQuant.run(concat(run, dir.resolve("invalid").toString()))).isEqualTo(2);
        assertThat(console.err()).isEqualTo("alphaquant: " + invalid
                + ":4: alphaquant.backtest.defaults.commission: must be a number in [0, 0.1), got 0.5" + System.lineSeparator());
    }

    /** Each trade's commission over its value, to four places (both trades are far above the 5 CNY minimum). */
    private static List<Double> commissionRates(Path out) throws IOException {
        return Files.readAllLines(out.resolve("trades.csv")).stream().skip(1).map(line -> line.split(","))
                .map(c -> new BigDecimal(c[6]).divide(new BigDecimal(c[5]), 4, RoundingMode.HALF_UP).doubleValue()).toList();
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
