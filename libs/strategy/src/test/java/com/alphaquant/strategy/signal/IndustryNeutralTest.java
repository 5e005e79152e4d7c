package com.alphaquant.strategy.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndustryNeutralTest {

    private static final double NaN = Double.NaN;

    @Test
    void eachIndustrysPresentScoresSumToZero() {
        double[] scores = {0.9, 0.7, NaN, 0.2, 0.6, 0.4, 0.3};
        String[] industries = {"bank", "bank", "bank", "tech", "tech", null, null};
        double[] out = IndustryNeutral.demean(scores, industries);
        // By hand: bank mean 0.8, tech mean 0.4, the unclassified mean 0.35.
        double[] expected = {0.1, -0.1, NaN, -0.2, 0.2, 0.05, -0.05};
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(out[i]).isNaN();
            } else {
                assertThat(out[i]).as("stock %d", i).isCloseTo(expected[i], within(1e-12));
            }
        }
        assertThat(out[0] + out[1]).isCloseTo(0, within(1e-12));
        assertThat(out[3] + out[4]).isCloseTo(0, within(1e-12));
    }

    /**
     * Nine stocks, three industries of three; one factor puts industry X above Y above Z, so the
     * plain score (its percentile rank, k/8) buys X's three and Y's best. Demeaned within the
     * industries, every industry's residuals are 1/8, 0, −1/8, ranked 0.875, 0.5, 0.125: each
     * industry's best is bought, nothing else.
     */
    @Test
    void neutralSelectionBuysTheBestOfEachIndustryInsteadOfTheBestIndustry() {
        List<String> codes = List.of("X1", "X2", "X3", "Y1", "Y2", "Y3", "Z1", "Z2", "Z3");
        Map<String, String> industryOf = Map.of("X1", "X", "X2", "X", "X3", "X", "Y1", "Y", "Y2", "Y", "Y3", "Y",
                "Z1", "Z", "Z2", "Z", "Z3", "Z");
        CrossSection day = new CrossSection(codes, Map.of("MOM20", new double[] {9, 8, 7, 6, 5, 4, 3, 2, 1}), null);
        MultiFactorParams plain = new MultiFactorParams(Map.of("momentum", List.of("MOM20")), Map.of("momentum", 1.0), 0.6, 0.4);

        List<Signal> before = new MultiFactorScorer(plain).score(day, codes, industryOf);
        assertThat(before).extracting(Signal::score).containsExactly(1.0, 0.875, 0.75, 0.625, 0.5, 0.375, 0.25, 0.125, 0.0);
        assertThat(buys(before)).containsExactly("X1", "X2", "X3", "Y1");

        List<Signal> neutral = new MultiFactorScorer(plain.withIndustryNeutral(true)).score(day, codes, industryOf);
        assertThat(neutral).extracting(Signal::score).containsExactly(0.875, 0.5, 0.125, 0.875, 0.5, 0.125, 0.875, 0.5, 0.125);
        assertThat(buys(neutral)).containsExactly("X1", "Y1", "Z1");
        assertThat(neutral).filteredOn(s -> s.action() == Signal.Action.SELL).extracting(Signal::tsCode)
                .containsExactly("X3", "Y3", "Z3");
        // The sub-scores reported stay the plain ones.
        assertThat(neutral.get(3).subScores().get("momentum")).isEqualTo(0.625);
    }

    @Test
    void withoutAClassificationNeutralityChangesNoRanking() {
        List<String> codes = List.of("A", "B", "C", "D", "E");
        CrossSection day = new CrossSection(codes, Map.of("MOM20", new double[] {5, 4, 3, 2, 1}), null);
        MultiFactorParams p = new MultiFactorParams(Map.of("momentum", List.of("MOM20")), Map.of("momentum", 1.0), 0.6, 0.4);
        assertThat(new MultiFactorScorer(p.withIndustryNeutral(true)).score(day, codes, Map.of()))
                .isEqualTo(new MultiFactorScorer(p).score(day, codes));
    }

    private static List<String> buys(List<Signal> signals) {
        return signals.stream().filter(s -> s.action() == Signal.Action.BUY).map(Signal::tsCode).toList();
    }
}
