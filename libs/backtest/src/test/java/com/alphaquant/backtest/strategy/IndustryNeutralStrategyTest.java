package com.alphaquant.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.backtest.MiniSample;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.strategy.signal.Signal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * multi_factor with {@code industry_neutral=1} on the 30-stock sample, its industries those of
 * stock_basic: each day's neutral scores are checked against a computation by hand from the plain
 * run's scores of the same day (signals depend on the day's cross-section only, not on the book).
 */
class IndustryNeutralStrategyTest {

    private static Map<LocalDate, Map<String, Double>> scores(Map<String, Double> parameters, BarPanel panel, Set<LocalDate> buysDiffer,
                                                             Map<LocalDate, List<String>> buys) {
        Map<LocalDate, Map<String, Double>> out = new TreeMap<>();
        BacktestSpec spec = MultiFactorStrategyTest.spec(parameters);
        Strategy strategy = spec.newStrategy(() -> null, panel, (day, cs, traded, previous, closes, decision) -> {
            Map<String, Double> byCode = new HashMap<>();
            List<String> bought = new ArrayList<>();
            for (Signal s : decision.signals()) {
                byCode.put(s.tsCode(), s.score());
                if (s.action() == Signal.Action.BUY) {
                    bought.add(s.tsCode());
                }
            }
            out.put(day, byCode);
            List<String> before = buys.put(day, bought);
            if (before != null && !before.equals(bought)) {
                buysDiffer.add(day);
            }
        });
        new BacktestEngine(panel, spec.config()).run(strategy);
        return out;
    }

    @Test
    void neutralScoresAreTheRanksOfScoresDemeanedWithinIndustries() {
        List<StockBasic> basics = List.copyOf(MiniSample.basics().values());
        IndustryClassification industries = IndustryClassification.fromStockBasic(basics);
        BarPanel panel = BarPanel.of(MiniSample.calendar(), MiniSample.bars(), MiniSample::listDate, (c, d) -> false,
                MiniSample.index(), MiniSample.CSI300, industries);
        Map<String, String> industryOf = new HashMap<>();
        basics.forEach(b -> industryOf.put(b.tsCode().toString(), b.industry()));

        Set<LocalDate> differ = new java.util.HashSet<>();
        Map<LocalDate, List<String>> buys = new HashMap<>();
        Map<LocalDate, Map<String, Double>> plain = scores(Map.of(), panel, differ, buys);
        Map<LocalDate, Map<String, Double>> neutral = scores(Map.of("industry_neutral", 1.0), panel, differ, buys);

        int checked = 0;
        for (var day : neutral.entrySet()) {
            Map<String, Double> p = plain.get(day.getKey());
            // By hand: the plain score minus its industry's mean that day, ranked (ties averaged) as (rank − 1) / (n − 1).
            Map<String, double[]> sums = new HashMap<>();
            p.forEach((code, s) -> {
                double[] a = sums.computeIfAbsent(industryOf.get(code), k -> new double[2]);
                a[0] += s;
                a[1]++;
            });
            Map<String, Double> residual = new HashMap<>();
            // Rounded to 12 decimals as the strategy does, so that rounding noise does not split ties.
            p.forEach((code, s) -> residual.put(code,
                    Math.rint((s - sums.get(industryOf.get(code))[0] / sums.get(industryOf.get(code))[1]) * 1e12) / 1e12));
            int n = residual.size();
            for (var e : day.getValue().entrySet()) {
                double r = residual.get(e.getKey());
                long below = residual.values().stream().filter(v -> v < r).count();
                long ties = residual.values().stream().filter(v -> v == r).count();
                double expected = n == 1 ? 0.5 : (below + (ties - 1) / 2.0) / (n - 1);
                assertThat(e.getValue()).as("%s %s", day.getKey(), e.getKey()).isCloseTo(expected, within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5000);
        // The selection is not the plain one on most days.
        assertThat(differ.size()).isGreaterThan(neutral.size() / 2);
    }

    @Test
    void theFlagIsZeroOrOne() {
        assertThat(BacktestSpec.strategyParameterDefaults("multi_factor")).containsEntry("industry_neutral", 0.0);
        assertThatThrownBy(() -> MultiFactorStrategyTest.spec(Map.of("industry_neutral", 0.5))).hasMessageContaining("industry_neutral");
        // A panel without a classification cannot run neutral.
        assertThatThrownBy(() -> MultiFactorStrategyTest.spec(Map.of("industry_neutral", 1.0)).newStrategy(() -> null, MiniSample.panel()))
                .hasMessageContaining("industries");
    }
}
