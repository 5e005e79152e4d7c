package com.alphaquant.strategy.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.MultiFactorParams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrategyPresetsTest {

    static String text(String name) throws IOException {
        try (InputStream in = StrategyPresets.class.getClassLoader().getResourceAsStream("presets/" + name + ".yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDefaultsAreTheMultiFactorPreset() {
        StrategyPreset p = StrategyPresets.load("multi_factor");
        assertThat(p.signal()).isEqualTo(MultiFactorParams.DEFAULT);
        assertThat(p.risk()).isEqualTo(RiskParams.DEFAULT);
        assertThat(p.version()).isEqualTo("multi_factor-1");
        // The order of the groups and weights is the file's (scores sum in that order).
        assertThat(p.signal().groups().keySet()).containsExactly("trend", "momentum", "volatility", "mean_reversion");
        assertThat(p.signal().weights().keySet()).containsExactly("trend", "momentum", "volatility", "mean_reversion", "model");
    }

    @Test
    void everyShippedPresetLoads() {
        for (String name : StrategyPresets.NAMES) {
            StrategyPreset p = StrategyPresets.load(name);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.version()).startsWith(name + "-");
        }
        assertThat(StrategyPresets.load("multi_factor_conservative").risk().maxExposure())
                .isLessThan(StrategyPresets.load("multi_factor_aggressive").risk().maxExposure());
    }

    @Test
    void anUnknownPresetListsTheKnownOnes() {
        assertThatThrownBy(() -> StrategyPresets.load("momentum"))
                .hasMessageContaining("Unknown strategy preset 'momentum'").hasMessageContaining("multi_factor_conservative");
        assertThatThrownBy(() -> StrategyPresets.load("../etc")).hasMessageContaining("Invalid preset name");
    }

    @Test
    void badKeysAndValuesAreNamed() throws IOException {
        String good = text("multi_factor");
        assertThatThrownBy(() -> StrategyPresets.parse(good.replace("stop_loss:", "stop_los:"), "x.yml"))
                .hasMessage("x.yml: risk.stop_los: unknown key (expected: max_exposure, max_position, max_single_trade, stop_loss, "
                        + "target_vol, trailing_stop, vol_window)");
        assertThatThrownBy(() -> StrategyPresets.parse(good.replace("  trailing_stop: 0.08", ""), "x.yml"))
                .hasMessageStartingWith("x.yml: risk.trailing_stop: missing");
        assertThatThrownBy(() -> StrategyPresets.parse(good.replace("max_position: 0.10", "max_position: ten"), "x.yml"))
                .hasMessage("x.yml: risk.max_position: must be a number, got 'ten'");
        assertThatThrownBy(() -> StrategyPresets.parse(good.replace("max_position: 0.10", "max_position: 1.5"), "x.yml"))
                .hasMessageContaining("x.yml: risk: max_position must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> StrategyPresets.parse(good.replace("vol_window: 20", "vol_window: 20.5"), "x.yml"))
                .hasMessageContaining("x.yml: risk.vol_window: must be a whole number");
        assertThatThrownBy(() -> StrategyPresets.parse(good.replace("[DEV20,", "[DEV21,"), "x.yml"))
                .hasMessageStartingWith("x.yml: signal.groups.trend: unknown factor 'DEV21'");
        assertThatThrownBy(() -> StrategyPresets.parse(good.replace("    model: 0.2", "    modle: 0.2"), "x.yml"))
                .hasMessageStartingWith("x.yml: signal.weights.modle: unknown key");
        assertThatThrownBy(() -> StrategyPresets.parse(good.replace("buy_above: 0.6", "buy_above: 0.3"), "x.yml"))
                .hasMessageContaining("x.yml: signal: Thresholds need 0 <= sell_below <= buy_above <= 1");
        assertThatThrownBy(() -> StrategyPresets.parse(good + "\nextra: 1\n", "x.yml"))
                .hasMessageStartingWith("x.yml: extra: unknown key");
        assertThatThrownBy(() -> StrategyPresets.parse("risk: [", "x.yml")).hasMessageStartingWith("x.yml: not valid YAML");
        assertThatThrownBy(() -> StrategyPresets.parse("", "x.yml")).hasMessage("x.yml: (top level): missing");
    }
}
