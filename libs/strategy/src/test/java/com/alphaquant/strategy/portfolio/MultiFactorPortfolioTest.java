package com.alphaquant.strategy.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.strategy.risk.Holding;
import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.strategy.signal.MultiFactorParams;
import com.alphaquant.strategy.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-built days through the shared signals → weights → risk logic. */
class MultiFactorPortfolioTest {

    static final List<String> CODES = List.of("A.SH", "B.SH", "C.SH", "D.SH", "E.SH");
    final MultiFactorPortfolio portfolio = new MultiFactorPortfolio(MultiFactorParams.DEFAULT, RiskParams.DEFAULT);

    /** DEV20 alone decides: A, B BUY, C HOLD, D, E SELL; {@code high} (or none) sits at the top. */
    static CrossSection day(List<String> codes) {
        double[] dev = new double[codes.size()];
        for (int i = 0; i < dev.length; i++) {
            dev[i] = codes.size() - i;
        }
        return new CrossSection(codes, Map.of("DEV20", dev), null);
    }

    @Test
    void buysShareTheExposureHoldsKeepSellsExitAndAnUnsignalledHoldingStays() {
        Book previous = new Book(Map.of(
                "C.SH", new Holding("C.SH", 0.05, 10, 10, 10),
                "D.SH", new Holding("D.SH", 0.02, 10, 10, 10),
                "Z.SH", new Holding("Z.SH", 0.04, 10, 10, 10)), List.of()); // Z: suspended today, no signal
        DayDecision d = portfolio.decide(day(CODES), CODES, previous, Map.of("C.SH", 10.0, "D.SH", 10.0, "A.SH", 20.0));
        assertThat(d.signals()).extracting(Signal::action).containsExactly(
                Signal.Action.BUY, Signal.Action.BUY, Signal.Action.HOLD, Signal.Action.SELL, Signal.Action.SELL);
        assertThat(d.target("A.SH")).isCloseTo(0.03, within(1e-12)); // min(0.95/2, 0.10) = 0.10, one day's trade 0.03
        assertThat(d.target("C.SH")).isEqualTo(0.05);
        assertThat(d.target("D.SH")).isZero();
        assertThat(d.target("Z.SH")).isEqualTo(0.04);
        // The next book: the new position enters at today's close, the held keep their entry.
        assertThat(d.next().holdings().get("A.SH")).isEqualTo(new Holding("A.SH", d.target("A.SH"), 20, 20, 20));
        assertThat(d.next().holdings().get("Z.SH").entryPrice()).isEqualTo(10);
        assertThat(d.next().holdings()).doesNotContainKey("D.SH");
        assertThat(d.next().returns()).containsExactly(0.0); // no price moved
    }

    @Test
    void aGainNeverTriggersTheStopLossButTheTrailingStopFollowsTheHighestClose() {
        List<String> codes = List.of("A.SH", "B.SH", "C.SH"); // A: HOLD (middle rank) all along
        CrossSection cs = new CrossSection(codes, Map.of("DEV20", new double[] {2, 3, 1}), null);
        Book book = new Book(Map.of("A.SH", new Holding("A.SH", 0.05, 10, 10, 10)), List.of());
        double[] closes = {11, 12.5, 12.0, 11.6, 11.49};  // up 25%, then 8% off the high 12.5 (11.50) and below
        List<List<String>> notes = new ArrayList<>();
        double high = 10;
        for (int i = 0; i < closes.length; i++) {
            DayDecision d = portfolio.decide(cs, List.of("A.SH"), book, Map.of("A.SH", closes[i]));
            notes.add(d.notesFor("A.SH"));
            book = d.next();
            high = Math.max(high, closes[i]);
            assertThat(book.holdings().get("A.SH").highestClose()).as("day %s", i).isEqualTo(high);
            assertThat(book.holdings().get("A.SH").lastClose()).isEqualTo(closes[i]);
            if (i < 4) {
                assertThat(d.target("A.SH")).as("day %s", i).isEqualTo(0.05);
            }
        }
        assertThat(notes.subList(0, 4)).allMatch(List::isEmpty);
        assertThat(notes.get(4)).containsExactly(RiskDecision.TRAILING_STOP, RiskDecision.MAX_SINGLE_TRADE);
        assertThat(book.holdings().get("A.SH").weight()).isCloseTo(0.02, within(1e-12)); // exits 0.03 a day
        assertThat(book.holdings().get("A.SH").highestClose()).isEqualTo(12.5);
        assertThat(book.holdings().get("A.SH").entryPrice()).isEqualTo(10);
    }

    @Test
    void theStopLossFiresFromTheEntryClose() {
        List<String> codes = List.of("A.SH", "B.SH", "C.SH");
        CrossSection cs = new CrossSection(codes, Map.of("DEV20", new double[] {2, 3, 1}), null);
        Book book = new Book(Map.of("A.SH", new Holding("A.SH", 0.02, 10, 10, 10)), List.of());
        DayDecision above = portfolio.decide(cs, List.of("A.SH"), book, Map.of("A.SH", 9.51));
        assertThat(above.notesFor("A.SH")).isEmpty();
        DayDecision at = portfolio.decide(cs, List.of("A.SH"), above.next(), Map.of("A.SH", 9.5));
        assertThat(at.notesFor("A.SH")).containsExactly(RiskDecision.STOP_LOSS);
        assertThat(at.targets()).doesNotContainKey("A.SH");
    }

    @Test
    void volatilityTargetingScalesDownWhenTheBooksRealisedVolIsAboveTarget() {
        List<String> codes = List.of("A.SH", "B.SH", "C.SH");
        CrossSection cs = new CrossSection(codes, Map.of("DEV20", new double[] {2, 3, 1}), null); // A: HOLD
        List<Double> wild = new ArrayList<>();
        List<Double> calm = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            wild.add(i % 2 == 0 ? 0.03 : -0.03);
            calm.add(i % 2 == 0 ? 0.002 : -0.002);
        }
        Holding a = new Holding("A.SH", 0.04, 10, 10, 10);
        DayDecision scaled = portfolio.decide(cs, List.of("A.SH"), new Book(Map.of("A.SH", a), wild), Map.of("A.SH", 10.0));
        // 20 returns ±3% (the 20th is today's 0): sample std × √252 ≈ 0.46 > 0.20.
        assertThat(scaled.realisedVol()).isGreaterThan(0.4);
        assertThat(scaled.target("A.SH")).isCloseTo(0.04 * 0.20 / scaled.realisedVol(), within(1e-12));
        assertThat(scaled.notesFor("A.SH")).containsExactly(RiskDecision.VOL_TARGET);

        DayDecision kept = portfolio.decide(cs, List.of("A.SH"), new Book(Map.of("A.SH", a), calm), Map.of("A.SH", 10.0));
        assertThat(kept.realisedVol()).isLessThan(0.2);
        assertThat(kept.target("A.SH")).isEqualTo(0.04);

        DayDecision young = portfolio.decide(cs, List.of("A.SH"), new Book(Map.of("A.SH", a), wild.subList(0, 10)),
                Map.of("A.SH", 10.0));
        assertThat(young.realisedVol()).isNaN(); // fewer than 20 returns: no scaling
        assertThat(young.target("A.SH")).isEqualTo(0.04);
    }

    @Test
    void withoutPricesTheStopsCannotFire() {
        List<String> codes = List.of("A.SH", "B.SH", "C.SH");
        CrossSection cs = new CrossSection(codes, Map.of("DEV20", new double[] {2, 3, 1}), null);
        DayDecision d = portfolio.decide(cs, List.of("A.SH"), Book.ofWeights(Map.of("A.SH", 0.05)), Map.of());
        assertThat(d.target("A.SH")).isEqualTo(0.05);
        assertThat(d.realisedVol()).isNaN();
        assertThat(d.next().returns()).hasSize(1).allMatch(r -> r.isNaN());
    }
}
