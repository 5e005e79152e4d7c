package com.alphaquant.strategy.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.market.Board;
import com.alphaquant.market.rules.LotRule;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskManagerTest {

    private final RiskManager risk = new RiskManager(RiskParams.DEFAULT);

    @Test
    void aGainNeverTriggersTheStopLoss() {
        Holding winner = new Holding("A.SH", 0.05, 10.0, 13.0, 12.5); // +25%, 3.8% off its high
        RiskDecision d = risk.apply(Map.of("A.SH", 0.05), Map.of("A.SH", winner), Double.NaN);
        assertThat(d.targets()).containsEntry("A.SH", 0.05);
        assertThat(d.notesFor("A.SH")).isEmpty();
    }

    @Test
    void theStopLossExitsAtFivePercentBelowEntry() {
        Holding atStop = new Holding("A.SH", 0.03, 10.0, 10.0, 9.5);
        Holding above = new Holding("B.SH", 0.03, 10.0, 10.0, 9.51);
        RiskDecision d = risk.apply(Map.of("A.SH", 0.03, "B.SH", 0.03), Map.of("A.SH", atStop, "B.SH", above), Double.NaN);
        assertThat(d.targets()).doesNotContainKey("A.SH").containsEntry("B.SH", 0.03);
        assertThat(d.notesFor("A.SH")).containsExactly(RiskDecision.STOP_LOSS);
    }

    @Test
    void theTrailingStopFollowsTheHighestClose() {
        // Entry 10, high 15: a fall to 13.8 (8% off the high) exits though far above entry.
        Holding h = new Holding("A.SH", 0.03, 10.0, 15.0, 13.8);
        assertThat(risk.apply(Map.of("A.SH", 0.03), Map.of("A.SH", h), Double.NaN).notesFor("A.SH"))
                .containsExactly(RiskDecision.TRAILING_STOP);
        Holding notYet = new Holding("A.SH", 0.03, 10.0, 15.0, 13.81);
        assertThat(risk.apply(Map.of("A.SH", 0.03), Map.of("A.SH", notYet), Double.NaN).notesFor("A.SH")).isEmpty();
    }

    @Test
    void aStopExitsAtOnceWhateverTheSizeOfTheHolding() {
        // SPEC section 4: exit when the price is at or below entry × (1 − stop_loss). A 0.10 holding
        // goes to 0 the same day, not 0.07, 0.04, 0.01, 0 (max_single_trade limits other trades only).
        Holding stopped = new Holding("A.SH", 0.10, 10.0, 10.0, 9.4);
        Holding trailed = new Holding("B.SH", 0.10, 10.0, 15.0, 13.0);
        Holding kept = new Holding("C.SH", 0.10, 10.0, 10.0, 10.0);
        RiskDecision d = risk.apply(Map.of("A.SH", 0.10, "B.SH", 0.10, "C.SH", 0.0),
                Map.of("A.SH", stopped, "B.SH", trailed, "C.SH", kept), Double.NaN);
        assertThat(d.targets()).doesNotContainKeys("A.SH", "B.SH");
        assertThat(d.notesFor("A.SH")).containsExactly(RiskDecision.STOP_LOSS);
        assertThat(d.notesFor("B.SH")).containsExactly(RiskDecision.TRAILING_STOP);
        // A SELL (no stop) still trades max_single_trade a day.
        assertThat(d.targets().get("C.SH")).isCloseTo(0.07, within(1e-12));
        assertThat(d.notesFor("C.SH")).containsExactly(RiskDecision.MAX_SINGLE_TRADE);
        assertThat(d.desired()).containsEntry("A.SH", 0.0).containsEntry("B.SH", 0.0).containsEntry("C.SH", 0.0);
    }

    @Test
    void positionsAreCappedAndTheDaysTradeLimited() {
        RiskDecision d = risk.apply(Map.of("A.SH", 0.25), Map.of("A.SH", new Holding("A.SH", 0.08, 10, 10, 10)), Double.NaN);
        // 0.25 -> 0.10 (max_position) -> 0.08 + 0.03 would exceed nothing: 0.10 - 0.08 = 0.02 <= 0.03
        assertThat(d.targets().get("A.SH")).isCloseTo(0.10, within(1e-12));
        assertThat(d.notesFor("A.SH")).containsExactly(RiskDecision.MAX_POSITION);

        RiskDecision fresh = risk.apply(Map.of("B.SH", 0.10), Map.of(), Double.NaN);
        assertThat(fresh.targets().get("B.SH")).isCloseTo(0.03, within(1e-12));
        assertThat(fresh.notesFor("B.SH")).containsExactly(RiskDecision.MAX_SINGLE_TRADE);
    }

    @Test
    void grossIsScaledToTheVolatilityTargetAndTheExposureCap() {
        Map<String, Holding> held = Map.of(
                "A.SH", new Holding("A.SH", 0.10, 10, 10, 10), "B.SH", new Holding("B.SH", 0.10, 10, 10, 10));
        // Realised 40% vs target 20%: half the exposure, 0.10 -> 0.05, but one day may trade only
        // 0.03 of a stock: 0.07 today, the rest on the following days.
        RiskDecision d = risk.apply(Map.of("A.SH", 0.10, "B.SH", 0.10), held, 0.40);
        assertThat(d.targets().get("A.SH")).isCloseTo(0.07, within(1e-12));
        assertThat(d.notesFor("B.SH")).containsExactly(RiskDecision.VOL_TARGET, RiskDecision.MAX_SINGLE_TRADE);
        RiskDecision fresh = risk.apply(Map.of("A.SH", 0.04, "B.SH", 0.04), Map.of(), 0.40);
        assertThat(fresh.targets().get("A.SH")).isCloseTo(0.02, within(1e-12));

        Map<String, Double> wide = new java.util.HashMap<>();
        Map<String, Holding> full = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            wide.put("S" + i + ".SH", 0.10);
            full.put("S" + i + ".SH", new Holding("S" + i + ".SH", 0.10, 10, 10, 10));
        }
        RiskDecision capped = risk.apply(wide, full, 0.10);
        assertThat(capped.targets().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(0.95, within(1e-9));
        assertThat(capped.notesFor("S0.SH")).containsExactly(RiskDecision.MAX_EXPOSURE);
    }

    @Test
    void capsHoldAfterRoundingToLots() {
        double equity = 1_000_000;
        double price = 33.33;
        double weight = risk.apply(Map.of("A.SH", 0.10), Map.of("A.SH", new Holding("A.SH", 0.09, price, price, price)), Double.NaN)
                .targets().get("A.SH");
        long shares = LotRule.of(Board.SSE_MAIN, LocalDate.of(2024, 1, 2)).roundBuy(weight * equity / price);
        assertThat(shares * price / equity).isLessThanOrEqualTo(RiskParams.DEFAULT.maxPosition());
        long star = LotRule.of(Board.STAR, LocalDate.of(2024, 1, 2)).roundBuy(weight * equity / price);
        assertThat(star * price / equity).isLessThanOrEqualTo(RiskParams.DEFAULT.maxPosition());
    }

    @Test
    void theExposureCapHoldsWhenOneDaysTradeHoldsBackAReduction() {
        // Held: A at 0.10, now a SELL (target 0), which may fall only 0.03 today, and nine at 0.09,
        // now BUYs at 0.10: targets add up to 0.90, but after one day's trade 0.07 + 0.90 = 0.97.
        Map<String, Double> targets = new java.util.HashMap<>();
        Map<String, Holding> held = new java.util.HashMap<>();
        held.put("A.SH", new Holding("A.SH", 0.10, 10, 10, 10));
        for (int i = 0; i < 9; i++) {
            held.put("H" + i + ".SH", new Holding("H" + i + ".SH", 0.09, 10, 10, 10));
            targets.put("H" + i + ".SH", 0.10);
        }
        RiskDecision d = risk.apply(targets, held, Double.NaN);
        double gross = d.targets().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(gross).isCloseTo(0.95, within(1e-12));
        assertThat(d.targets().get("A.SH")).isCloseTo(0.07, within(1e-12));
        assertThat(d.notesFor("A.SH")).containsExactly(RiskDecision.MAX_SINGLE_TRADE);
        // The increases gave way pro rata: 0.02 too much over 9 × 0.01 of increases.
        assertThat(d.targets().get("H0.SH")).isCloseTo(0.09 + 0.01 * 7 / 9, within(1e-12));
        assertThat(d.notesFor("H0.SH")).containsExactly(RiskDecision.MAX_EXPOSURE);
    }

    @Test
    void everyCapHoldsAfterRoundingALargeBookToLots() {
        double equity = 2_000_000;
        Map<String, Double> targets = new java.util.HashMap<>();
        Map<String, Holding> held = new java.util.HashMap<>();
        double[] prices = {3.17, 8.88, 15.03, 47.5, 123.45, 1799.0};
        for (int i = 0; i < 30; i++) {
            String code = (i % 2 == 0 ? "60" : "68") + String.format("%04d", i) + ".SH";
            double p = prices[i % prices.length];
            if (i < 12) {
                held.put(code, new Holding(code, 0.01, p, p, p)); // held, growing: every order is a buy
            }
            targets.put(code, 0.2);
        }
        RiskDecision d = risk.apply(targets, held, Double.NaN);
        double gross = 0;
        for (var t : d.targets().entrySet()) {
            int i = Integer.parseInt(t.getKey().substring(2, 6));
            double p = prices[i % prices.length];
            Board board = t.getKey().startsWith("68") ? Board.STAR : Board.SSE_MAIN;
            Holding h = held.get(t.getKey());
            double heldShares = h == null ? 0 : Math.floor(h.weight() * equity / p / 100) * 100;
            double target = t.getValue() * equity / p;
            long bought = target > heldShares ? LotRule.of(board, LocalDate.of(2024, 1, 2)).roundBuy(target - heldShares) : 0;
            double value = (heldShares + bought) * p;
            assertThat(value / equity).as(t.getKey()).isLessThanOrEqualTo(RiskParams.DEFAULT.maxPosition() + 1e-12);
            assertThat(bought * p / equity).as(t.getKey()).isLessThanOrEqualTo(RiskParams.DEFAULT.maxSingleTrade() + 1e-12);
            gross += value;
        }
        assertThat(gross / equity).isLessThanOrEqualTo(RiskParams.DEFAULT.maxExposure() + 1e-12);
    }
}
