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
        // It holds 0.03 and keeps its desired 0.10, which a HOLD tomorrow carries on.
        assertThat(d.next().holdings().get("A.SH")).isEqualTo(new Holding("A.SH", d.target("A.SH"), 0.10, 20, 20, 20));
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
            if (i < 4) {
                assertThat(book.holdings().get("A.SH").highestClose()).as("day %s", i).isEqualTo(high);
                assertThat(book.holdings().get("A.SH").lastClose()).isEqualTo(closes[i]);
                assertThat(book.holdings().get("A.SH").entryPrice()).isEqualTo(10);
                assertThat(d.target("A.SH")).as("day %s", i).isEqualTo(0.05);
            }
        }
        assertThat(notes.subList(0, 4)).allMatch(List::isEmpty);
        // The stop exits the whole 0.05 at once: max_single_trade does not spread a stop's exit.
        assertThat(notes.get(4)).containsExactly(RiskDecision.TRAILING_STOP);
        assertThat(book.holdings()).doesNotContainKey("A.SH");
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

    /** Ten HOLDs (all tied, rank 0.5) at 0.095 each: gross 0.95. */
    static final List<String> TEN = List.of("H0.SH", "H1.SH", "H2.SH", "H3.SH", "H4.SH", "H5.SH", "H6.SH", "H7.SH", "H8.SH", "H9.SH");

    /** 19 returns ±{@code size} alternating (with today's 0 the window of 20 is full). */
    static List<Double> returns(double size) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            r.add(i % 2 == 0 ? size : -size);
        }
        return r;
    }

    static double gross(DayDecision d) {
        return d.targets().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void volatilityTargetingScalesTheDesiredWeightsOnceAndDoesNotCompoundOnHolds() {
        CrossSection cs = new CrossSection(TEN, Map.of("DEV20", new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), null);
        Map<String, Holding> held = new java.util.TreeMap<>();
        Map<String, Double> closes = new java.util.HashMap<>();
        TEN.forEach(c -> {
            held.put(c, new Holding(c, 0.095, 10, 10, 10));
            closes.put(c, 10.0);
        });
        List<Double> wild = returns(0.019); // realised ≈ 0.30 against the target 0.20
        Book book = new Book(held, wild);
        double scale = Double.NaN;
        for (int day = 0; day < 12; day++) {
            DayDecision d = portfolio.decide(cs, TEN, book, closes);
            assertThat(d.signals()).extracting(Signal::action).containsOnly(Signal.Action.HOLD);
            scale = 0.20 / d.realisedVol();
            assertThat(scale).isBetween(0.6, 0.7);
            if (day == 0) {
                // 0.095 × scale ≈ 0.063 is more than one day's trade below 0.095: 0.065 today.
                assertThat(d.target("H0.SH")).isCloseTo(0.065, within(1e-12));
            } else {
                // Scaled once from the desired 0.095, not again from yesterday's scaled weight.
                assertThat(gross(d)).as("day %s", day).isCloseTo(0.95 * scale, within(1e-12));
            }
            assertThat(d.next().holdings().get("H0.SH").baseWeight()).as("day %s", day).isEqualTo(0.095);
            book = new Book(d.next().holdings(), wild); // the volatility stays where it was
        }
        // Volatility falls below the target: back up to the desired 0.095, by max_single_trade a day.
        List<Double> calm = returns(0.002);
        DayDecision first = portfolio.decide(cs, TEN, new Book(book.holdings(), calm), closes);
        assertThat(first.realisedVol()).isLessThan(0.20);
        assertThat(first.target("H0.SH")).isCloseTo(0.095 * scale + 0.03, within(1e-12));
        assertThat(first.notesFor("H0.SH")).containsExactly(RiskDecision.MAX_SINGLE_TRADE);
        DayDecision second = portfolio.decide(cs, TEN, new Book(first.next().holdings(), calm), closes);
        assertThat(second.target("H0.SH")).isEqualTo(0.095);
        assertThat(second.notesFor("H0.SH")).isEmpty();
        assertThat(gross(second)).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void aHoldKeepsGrowingTowardsTheDesiredWeightAndASellKeepsShrinking() {
        List<String> codes = List.of("A.SH", "B.SH", "C.SH"); // A: HOLD (middle rank)
        CrossSection hold = new CrossSection(codes, Map.of("DEV20", new double[] {2, 3, 1}), null);
        CrossSection sell = new CrossSection(codes, Map.of("DEV20", new double[] {1, 3, 2}), null);
        // Bought yesterday: desired 0.10, held 0.03 after one day's trade.
        Book book = new Book(Map.of("A.SH", new Holding("A.SH", 0.03, 0.10, 10, 10, 10)), List.of());
        DayDecision d1 = portfolio.decide(hold, List.of("A.SH"), book, Map.of("A.SH", 10.0));
        assertThat(d1.target("A.SH")).isCloseTo(0.06, within(1e-12));
        DayDecision d2 = portfolio.decide(hold, List.of("A.SH"), d1.next(), Map.of("A.SH", 10.0));
        assertThat(d2.target("A.SH")).isCloseTo(0.09, within(1e-12));
        DayDecision d3 = portfolio.decide(sell, List.of("A.SH"), d2.next(), Map.of("A.SH", 10.0));
        assertThat(d3.target("A.SH")).isCloseTo(0.06, within(1e-12));
        assertThat(d3.next().holdings().get("A.SH").baseWeight()).isZero();
        // A HOLD after the SELL carries the desired 0: the exit goes on.
        DayDecision d4 = portfolio.decide(hold, List.of("A.SH"), d3.next(), Map.of("A.SH", 10.0));
        assertThat(d4.target("A.SH")).isCloseTo(0.03, within(1e-12));
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
