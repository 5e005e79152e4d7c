package com.alphaquant.strategy.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.events.StrategySignal;
import com.alphaquant.strategy.factors.FactorClient;
import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.signal.CrossSection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalEngineTest {

    static final LocalDate DAY = LocalDate.parse("2024-01-02");
    static final StrategyDefinition MF = StrategyDefinition.preset("multi_factor");

    /** DEV20 alone decides: a, b high (BUY), c middle (HOLD), d, e low (SELL). */
    static CrossSection day() {
        Map<String, Double> b = new HashMap<>();
        b.put("DEV20", null);
        List<FactorClient.Row> rows = List.of(
                row("600001.SH", 5), row("600002.SH", 4), row("600003.SH", 3), row("600004.SH", 2), row("600005.SH", 1),
                new FactorClient.Row("600006.SH", DAY, null, b), // all null: no signal
                row("600007.SH", 9, DAY.minusDays(1))); // another day: not in the cross-section
        return FactorClient.toCrossSection(rows, DAY, MF.factorNames());
    }

    static FactorClient.Row row(String code, double dev) {
        return row(code, dev, DAY);
    }

    static FactorClient.Row row(String code, double dev, LocalDate day) {
        return new FactorClient.Row(code, day, 10.0, Map.of("DEV20", dev));
    }

    @Test
    void factorRowsBecomeTheDaysCrossSectionWithNullAsNaN() {
        CrossSection cs = day();
        assertThat(cs.tsCodes()).containsExactly("600001.SH", "600002.SH", "600003.SH", "600004.SH", "600005.SH", "600006.SH");
        assertThat(cs.factor("DEV20")[5]).isNaN();
        assertThat(cs.factor("RSI14")).containsOnly(Double.NaN);
    }

    @Test
    void buysShareExposureHoldsKeepSellsExitThroughTheRiskManager() {
        Map<String, Double> previous = Map.of("600003.SH", 0.05, "600004.SH", 0.02, "600099.SH", 0.04);
        List<StrategySignal> signals = SignalEngine.compute(MF, DAY, day(), day().tsCodes(), previous, null, Instant.EPOCH);
        Map<String, StrategySignal> by = new HashMap<>();
        signals.forEach(s -> by.put(s.tsCode(), s));

        assertThat(by).doesNotContainKey("600006.SH");
        assertThat(by.get("600001.SH").action()).isEqualTo(StrategySignal.Action.BUY);
        assertThat(by.get("600001.SH").targetWeight()).isCloseTo(0.03, within(1e-12)); // 0.10 capped by one day's trade
        assertThat(by.get("600001.SH").riskNotes()).containsExactly(RiskDecision.MAX_SINGLE_TRADE);
        assertThat(by.get("600003.SH").action()).isEqualTo(StrategySignal.Action.HOLD);
        assertThat(by.get("600003.SH").targetWeight()).isCloseTo(0.05, within(1e-12));
        assertThat(by.get("600004.SH").action()).isEqualTo(StrategySignal.Action.SELL);
        assertThat(by.get("600004.SH").targetWeight()).isZero();
        assertThat(by.get("600004.SH").riskNotes()).isEmpty(); // no prices: no stops
        assertThat(by.get("600001.SH").subScores()).containsOnlyKeys("trend");
        assertThat(by.get("600001.SH").score()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void predictionsBecomeTheModelSubScore() {
        CrossSection cs = SignalEngine.withPredictions(day(), Map.of("600005.SH", 0.02, "600001.SH", -0.01));
        List<StrategySignal> signals = SignalEngine.compute(MF, DAY, cs, List.of("600005.SH"), Map.of(), "m:1", Instant.EPOCH);
        assertThat(signals.get(0).subScores()).containsEntry("model", 1.0);
        assertThat(signals.get(0).modelVersion()).isEqualTo("m:1");
    }
}
