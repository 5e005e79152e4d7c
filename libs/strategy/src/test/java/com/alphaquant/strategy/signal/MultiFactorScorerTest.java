package com.alphaquant.strategy.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiFactorScorerTest {

    private static final double NaN = Double.NaN;
    private static final List<String> CODES = List.of("A.SH", "B.SH", "C.SH", "D.SH", "E.SH");

    /** Five stocks; A is best on every factor, E worst, so their ranks are 1 and 0 throughout. */
    private static CrossSection day(double[] predicted) {
        Map<String, double[]> f = new HashMap<>();
        double[] up = {5, 4, 3, 2, 1};
        double[] down = {1, 2, 3, 4, 5};
        for (String name : List.of("DEV20", "MACD_HIST", "RS20", "MOM20", "MOM60", "RSI14")) {
            f.put(name, up);
        }
        for (String name : List.of("VOL20", "ATR14", "BOLL_PCTB", "WILLR14")) {
            f.put(name, down); // lower ranks higher
        }
        return new CrossSection(CODES, f, predicted);
    }

    @Test
    void anInfiniteFactorScoresLikeAMissingOne() {
        // Backtest (doubles, may hold ±Infinity) and live (JSON: null) see the same signals.
        CrossSection withNaN = day(null);
        Map<String, double[]> f = new HashMap<>(withNaN.factors());
        f.put("DEV20", new double[] {Double.POSITIVE_INFINITY, 4, 3, 2, Double.NEGATIVE_INFINITY});
        Map<String, double[]> g = new HashMap<>(withNaN.factors());
        g.put("DEV20", new double[] {NaN, 4, 3, 2, NaN});
        MultiFactorScorer scorer = new MultiFactorScorer(MultiFactorParams.DEFAULT);
        assertThat(scorer.score(new CrossSection(CODES, f, null), CODES))
                .isEqualTo(scorer.score(new CrossSection(CODES, g, null), CODES));
    }

    @Test
    void scoresAreWeightedPercentileRanksRenormalisedWithoutPredictions() {
        List<Signal> signals = new MultiFactorScorer(MultiFactorParams.DEFAULT).score(day(null), CODES);

        double[] expected = {1.0, 0.75, 0.5, 0.25, 0.0};
        for (int i = 0; i < expected.length; i++) {
            assertThat(signals.get(i).score()).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(signals).extracting(Signal::action).containsExactly(Signal.Action.BUY, Signal.Action.BUY,
                Signal.Action.HOLD, Signal.Action.SELL, Signal.Action.SELL);
        assertThat(signals.get(1).subScores()).doesNotContainKey("model").containsKey("trend");
        assertThat(signals.get(1).subScores().get("trend")).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void theModelWeighsInWhenPredictionsExist() {
        // B predicted best, A worst: B's model rank 1, A's 0.
        double[] predicted = {-0.05, 0.05, 0.0, 0.01, 0.02};
        List<Signal> signals = new MultiFactorScorer(MultiFactorParams.DEFAULT).score(day(predicted), List.of("A.SH", "B.SH"));

        assertThat(signals.get(0).score()).isCloseTo(0.8 * 1.0 + 0.2 * 0.0, within(1e-12));
        assertThat(signals.get(1).score()).isCloseTo(0.8 * 0.75 + 0.2 * 1.0, within(1e-12));
    }

    @Test
    void ranksWithinTheReferenceUniverseNotTheTradedList() {
        // Trading only D and E: they still rank against all five, so both are SELLs, not a BUY and a SELL.
        List<Signal> signals = new MultiFactorScorer(MultiFactorParams.DEFAULT).score(day(null), List.of("D.SH", "E.SH"));
        assertThat(signals).extracting(Signal::action).containsOnly(Signal.Action.SELL);
    }

    @Test
    void warmUpNaNsDropOutOfTheirGroup() {
        CrossSection d = day(null);
        double[] mom60 = {NaN, NaN, NaN, NaN, NaN};
        Map<String, double[]> f = new HashMap<>(d.factors());
        f.put("MOM60", mom60);
        List<Signal> signals = new MultiFactorScorer(MultiFactorParams.DEFAULT).score(new CrossSection(CODES, f, null), CODES);
        assertThat(signals.get(0).subScores()).containsEntry("momentum", 1.0);
    }

    @Test
    void parametersAreValidated() {
        assertThatThrownBy(() -> new MultiFactorParams(Map.of(), Map.of("quality", 1.0), 0.6, 0.4))
                .hasMessageContaining("unknown sub-score 'quality'");
        assertThatThrownBy(() -> new MultiFactorParams(Map.of(), Map.of(), 0.4, 0.6))
                .hasMessageContaining("sell_below=0.6 buy_above=0.4");
    }
}
