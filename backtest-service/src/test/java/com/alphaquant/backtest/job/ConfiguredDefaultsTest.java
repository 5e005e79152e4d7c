package com.alphaquant.backtest.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.BacktestProperties;
import com.alphaquant.backtest.BacktestProperties.RunDefaults;
import com.alphaquant.config.AlphaConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** alpha_config.yaml's alphaquant.backtest.defaults bind to BacktestProperties and fill what a request leaves out. */
class ConfiguredDefaultsTest {

    private static BacktestProperties bind(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("alphaquant.backtest.data-service-url", "http://localhost:8081");
        return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("alphaquant.backtest", BacktestProperties.class);
    }

    @Test
    void theFilesDefaultsBindUnderTheSchemasNames(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("alpha_config.yaml"), """
                alphaquant:
                  backtest:
                    job-threads: 3
                    defaults:
                      initial-capital: 500000
                      commission: 0.0005
                      min-commission: 1
                      slippage: 0.0002
                      impact: 0.2
                      slippage-cap: 0.02
                      fill: vwap
                      carry-over: true
                      risk-free: 0.02
                      benchmark: none
                """);
        BacktestProperties p = bind(AlphaConfig.load(file, Map.of()).properties());

        assertThat(p.jobThreads()).isEqualTo(3);
        assertThat(p.defaults()).isEqualTo(new RunDefaults(500_000.0, 0.0005, 1.0, 0.0002, 0.2, 0.02, "vwap", true, 0.02, "none"));
        assertThat(bind(Map.of()).defaults()).isEqualTo(RunDefaults.NONE);
    }

    @Test
    void aRequestGetsTheConfiguredDefaultsWhereItGivesNoValueAndKeepsItsOwnElsewhere() {
        RunDefaults configured = new RunDefaults(null, 0.0005, 1.0, null, null, null, "close", true, null, "none");
        BacktestRequest bare = RequestParserTest.request("buy_and_hold", null, "2022-01-04", "2022-06-30", List.of("600519.SH"), null);

        BacktestRequest stored = RequestParser.parse(bare.withDefaults(configured)).normalized();
        assertThat(stored.commission()).isEqualTo(0.0005);
        assertThat(stored.minCommission()).isEqualTo(1.0);
        assertThat(stored.fill()).isEqualTo("close");
        assertThat(stored.carryOver()).isTrue();
        assertThat(stored.benchmark()).isEqualTo("none");
        assertThat(stored.slippage()).isEqualTo(0.0001); // not configured: BacktestSpec's default
        assertThat(stored.initialCapital()).isEqualTo(1_000_000.0);

        BacktestRequest explicit = new BacktestRequest("buy_and_hold", null, "2022-01-04", "2022-06-30", List.of("600519.SH"), null,
                null, 0.001, null, null, null, null, null, null, "open", false, null, "000300.SH", null, null);
        BacktestRequest kept = RequestParser.parse(explicit.withDefaults(configured)).normalized();
        assertThat(kept.commission()).isEqualTo(0.001);
        assertThat(kept.fill()).isEqualTo("open");
        assertThat(kept.carryOver()).isFalse();
        assertThat(kept.benchmark()).isEqualTo("000300.SH");
        assertThat(kept.minCommission()).isEqualTo(1.0);
    }
}
