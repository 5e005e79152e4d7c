package com.alphaquant.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.config.AlphaConfig.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlphaConfigTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("alpha_config.yaml"), yaml);
    }

    private AlphaConfig load(String yaml) throws IOException {
        return AlphaConfig.load(file(yaml), Map.of());
    }

    @Test
    void aValidFileSetsItsValuesAndLeavesTheRestAtTheirDefaults() throws IOException {
        AlphaConfig config = load("""
                alphaquant:
                  backtest:
                    defaults:
                      commission: 0.0005
                      fill: vwap
                  data.tushare.calls-per-minute: 500   # a dotted key, as Spring reads it
                  factor:
                    cache-ttl: 12h
                  strategy:
                    universe: [600519.SH, 000001.SZ]
                """);

        assertThat(config.get("alphaquant.backtest.defaults.commission"))
                .extracting(AlphaConfig.Setting::value, AlphaConfig.Setting::source).containsExactly(0.0005, Source.FILE);
        assertThat(config.get("alphaquant.backtest.defaults.fill").value()).isEqualTo("vwap");
        assertThat(config.get("alphaquant.data.tushare.calls-per-minute").value()).isEqualTo(500L);
        assertThat(config.get("alphaquant.factor.cache-ttl").value()).isEqualTo(Duration.ofHours(12));
        assertThat(config.get("alphaquant.strategy.universe").value()).isEqualTo(List.of("600519.SH", "000001.SZ"));
        assertThat(config.get("alphaquant.backtest.defaults.min-commission"))
                .extracting(AlphaConfig.Setting::value, AlphaConfig.Setting::source).containsExactly(5.0, Source.DEFAULT);
        assertThat(config.get("alphaquant.data.cycle.start").value()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(config.file()).contains(dir.resolve("alpha_config.yaml"));

        // Spring sees what the file set, lists item by item, and nothing of the defaults.
        assertThat(config.properties()).containsExactly(
                Map.entry("alphaquant.data.tushare.calls-per-minute", "500"),
                Map.entry("alphaquant.factor.cache-ttl", "12h"),
                Map.entry("alphaquant.backtest.defaults.commission", "0.0005"),
                Map.entry("alphaquant.backtest.defaults.fill", "vwap"),
                Map.entry("alphaquant.strategy.universe[0]", "600519.SH"),
                Map.entry("alphaquant.strategy.universe[1]", "000001.SZ"));
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLineAndTheKeyItProbablyMeant() throws IOException {
        Path f = file("""
                alphaquant:
                  backtest:
                    defaults:
                      comission: 0.0005
                """);
        assertThatThrownBy(() -> AlphaConfig.load(f, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage(f + ":4: alphaquant.backtest.defaults.comission: unknown key; did you mean "
                        + "alphaquant.backtest.defaults.commission?");
    }

    @Test
    void aMisspeltSectionOrAKeyOutsideAlphaquantGetsASuggestionToo() throws IOException {
        assertThatThrownBy(() -> load("alphaquant:\n  factors:\n    cache-ttl: 1h\n"))
                .hasMessageEndingWith(":2: alphaquant.factors: unknown key; did you mean alphaquant.factor?");
        assertThatThrownBy(() -> load("backtest:\n  defaults:\n    commission: 0.001\n"))
                .hasMessageEndingWith(":1: backtest: unknown key; did you mean alphaquant.backtest?");
        // Nothing close: the section's keys are listed instead.
        assertThatThrownBy(() -> load("alphaquant:\n  dashboard:\n    theme: dark\n"))
                .hasMessageEndingWith(":3: alphaquant.dashboard.theme: unknown key; alphaquant.dashboard holds language, colours");
    }

    @Test
    void aValueOfTheWrongKindNamesTheKeyTheReasonAndTheAllowedValues() throws IOException {
        assertThatThrownBy(() -> load("alphaquant:\n  dashboard:\n    colours: blue-up\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(":3: alphaquant.dashboard.colours: must be one of red-up, green-up, got 'blue-up'");
        assertThatThrownBy(() -> load("alphaquant:\n  data:\n    tushare:\n      concurrency: five\n"))
                .hasMessageEndingWith(":4: alphaquant.data.tushare.concurrency: must be a whole number in [1, 64], got 'five'");
        assertThatThrownBy(() -> load("alphaquant:\n  factor:\n    cache-ttl: 24\n"))
                .hasMessageEndingWith(":3: alphaquant.factor.cache-ttl: must be a duration with its unit, "
                        + "such as 500ms, 30s, 2m, 24h or 7d, got '24'");
        assertThatThrownBy(() -> load("alphaquant:\n  strategy:\n    strategies: [multi_factor, momentum]\n"))
                .hasMessageEndingWith(":3: alphaquant.strategy.strategies: item 2 must be one of multi_factor, "
                        + "multi_factor_conservative, multi_factor_aggressive, got 'momentum'");
        assertThatThrownBy(() -> load("alphaquant:\n  backtest:\n    bars: [files]\n"))
                .hasMessageEndingWith(":3: alphaquant.backtest.bars: takes one value, not a list");
        assertThatThrownBy(() -> load("alphaquant:\n  backtest: files\n"))
                .hasMessageEndingWith(":2: alphaquant.backtest: is a section, not a value: it holds data-service-url, bars, "
                        + "sample-dir, optimizer-threads, job-threads, max-grid-points, data-service-read-timeout, defaults");
    }

    @Test
    void aNumberOutsideItsRangeIsRefusedWithTheRange() throws IOException {
        assertThatThrownBy(() -> load("alphaquant:\n  backtest:\n    defaults:\n      commission: 0.1\n"))
                .hasMessageEndingWith(":4: alphaquant.backtest.defaults.commission: must be a number in [0, 0.1), got 0.1");
        assertThatThrownBy(() -> load("alphaquant:\n  gateway:\n    rate-limit:\n      requests-per-second: 0\n"))
                .hasMessageEndingWith(":4: alphaquant.gateway.rate-limit.requests-per-second: must be a whole number in [1, 100000], got 0");
        assertThatThrownBy(() -> load("alphaquant:\n  gateway:\n    timeouts:\n      data: 0s\n"))
                .hasMessageEndingWith(":4: alphaquant.gateway.timeouts.data: must be a duration above zero, got 0s");
    }

    @Test
    void aBurstBelowTheSteadyRateIsRefused() throws IOException {
        Path f = file("alphaquant:\n  gateway:\n    rate-limit:\n      requests-per-second: 150\n");
        assertThatThrownBy(() -> AlphaConfig.load(f, Map.of()))
                .hasMessage(f + ": alphaquant.gateway.rate-limit.burst: must be at least requests-per-second (150), got 100");
        assertThat(AlphaConfig.load(f, Map.of("ALPHAQUANT_GATEWAY_RATE_LIMIT_BURST", "150"))
                .get("alphaquant.gateway.rate-limit.burst").value()).isEqualTo(150L);
    }

    @Test
    void theEnvironmentOverridesTheFileThroughEachKeysOwnVariable() throws IOException {
        Path f = file("""
                alphaquant:
                  data:
                    tushare:
                      calls-per-minute: 200
                  gateway:
                    rate-limit:
                      burst: 100
                """);
        AlphaConfig config = AlphaConfig.load(f, Map.of("TUSHARE_CALLS_PER_MINUTE", "500",
                "ALPHAQUANT_GATEWAY_RATE_LIMIT_BURST", "300", "ALPHAQUANT_DASHBOARD_LANGUAGE", "en"));

        assertThat(config.get("alphaquant.data.tushare.calls-per-minute"))
                .extracting(AlphaConfig.Setting::value, AlphaConfig.Setting::source).containsExactly(500L, Source.ENVIRONMENT);
        assertThat(config.get("alphaquant.gateway.rate-limit.burst").value()).isEqualTo(300L);
        assertThat(config.get("alphaquant.dashboard.language").source()).isEqualTo(Source.ENVIRONMENT);
        assertThat(config.properties()).containsEntry("alphaquant.data.tushare.calls-per-minute", "500")
                .containsEntry("alphaquant.gateway.rate-limit.burst", "300");

        // The environment's values pass the same checks, named by their variable.
        assertThatThrownBy(() -> AlphaConfig.load(f, Map.of("TUSHARE_CONCURRENCY", "0")))
                .hasMessage("environment variable TUSHARE_CONCURRENCY: alphaquant.data.tushare.concurrency: "
                        + "must be a whole number in [1, 64], got 0");
    }

    @Test
    void aSecretInTheFileIsRefusedAndPointsAtItsEnvironmentVariable() throws IOException {
        assertThatThrownBy(() -> load("alphaquant:\n  data:\n    tushare:\n      token: abc123\n"))
                .hasMessageEndingWith(":4: alphaquant.data.tushare.token: is a secret and is read only from the environment: "
                        + "remove it from the file and set the environment variable TUSHARE_TOKEN instead")
                .hasMessageNotContaining("abc123");
        assertThatThrownBy(() -> load("alphaquant:\n  gateway:\n    api-key: k\n"))
                .hasMessageEndingWith(":3: alphaquant.gateway.api-key: looks like a secret: "
                        + "secrets are read only from environment variables, never from the file");
        assertThatThrownBy(() -> load("alphaquant:\n  gateway:\n    session:\n      secret: s3cr3t\n"))
                .hasMessageEndingWith(":4: alphaquant.gateway.session.secret: is a secret and is read only from the environment: "
                        + "remove it from the file and set the environment variable ALPHAQUANT_GATEWAY_SESSION_SECRET instead");
    }

    @Test
    void theTokenFromTheEnvironmentIsKnownButNeverHandedToSpringAsAProperty() throws IOException {
        AlphaConfig config = AlphaConfig.load(file("alphaquant:\n"), Map.of("TUSHARE_TOKEN", "abc123"));
        assertThat(config.get("alphaquant.data.tushare.token").source()).isEqualTo(Source.ENVIRONMENT);
        assertThat(config.properties()).isEmpty();
    }

    @Test
    void aMissingFileMeansDefaults() {
        AlphaConfig config = AlphaConfig.load(dir.resolve("none.yaml"), Map.of());

        assertThat(config.file()).isEmpty();
        assertThat(config.settings()).allMatch(s -> s.source() == Source.DEFAULT);
        assertThat(config.get("alphaquant.gateway.rate-limit.requests-per-second").value()).isEqualTo(50L);
        assertThat(config.get("alphaquant.gateway.rate-limit.burst").value()).isEqualTo(100L);
        assertThat(config.get("alphaquant.backtest.defaults.commission").value()).isEqualTo(0.0003);
        assertThat(config.get("alphaquant.gateway.timeouts.data").value()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.get("alphaquant.strategy.industry.neutral").isSet()).isFalse();
        assertThat(config.properties()).isEmpty();
    }

    @Test
    void anEmptyListReplacesTheServicesOwnList() throws IOException {
        assertThat(load("alphaquant:\n  gateway:\n    cors:\n      allowed-origins: []\n").properties())
                .containsExactly(Map.entry("alphaquant.gateway.cors.allowed-origins", ""));
    }

    @Test
    void aFileThatIsNotYamlOrSetsAKeyTwiceIsRefusedWithItsLine() throws IOException {
        assertThatThrownBy(() -> load("alphaquant:\n  data: [unclosed\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> load("alphaquant:\n  model:\n    device: cpu\n  model.device: gpu\n"))
                .hasMessageEndingWith(":4: alphaquant.model.device: is set twice (also at line 3)");
    }

    @Test
    void theFileIsFoundByEnvironmentThenSystemPropertyThenTheWorkingDirectory() {
        Map<String, String> env = Map.of(AlphaConfig.FILE_ENV, "/etc/aq.yaml");
        Map<String, String> props = Map.of(AlphaConfig.FILE_PROPERTY, "/opt/aq.yaml");
        assertThat(AlphaConfig.locate(env::get, props::get)).isEqualTo(Path.of("/etc/aq.yaml"));
        assertThat(AlphaConfig.locate(n -> null, props::get)).isEqualTo(Path.of("/opt/aq.yaml"));
        assertThat(AlphaConfig.locate(n -> null, n -> null)).isEqualTo(Path.of("config/alpha_config.yaml").toAbsolutePath());
    }
}
