package com.alphaquant.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.MiniSample;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.spec.BacktestSpec.Dialect;
import com.alphaquant.backtest.spec.BacktestSpec.InvalidParameter;
import com.alphaquant.backtest.spec.BacktestSpec.Param;
import com.alphaquant.market.rules.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** multi_factor's model sub-score in the backtest: predictions given per day through {@link DailyPredictions}. */
class ModelPredictionsTest {

    private static final String START = "2021-06-01";
    private static final String END = "2022-06-30";

    /** Only the model's sub-score counts: the picks are the predictions' favourites. */
    private static final Map<String, Double> MODEL_ONLY = Map.of("weight_trend", 0.0, "weight_momentum", 0.0,
            "weight_volatility", 0.0, "weight_mean_reversion", 0.0, "weight_model", 1.0);

    private static BacktestSpec spec(Map<String, Double> parameters, String model) {
        return BacktestSpec.builder().strategy("multi_factor").startDate(START).endDate(END).strategyParameters(parameters)
                .model(model).build(Dialect.CLI);
    }

    private static BacktestResult run(BacktestSpec spec, DailyPredictions predictions, MultiFactorStrategy.DecisionListener listener) {
        Strategy s = spec.newStrategy(() -> null, MiniSample.panel(), listener, null, predictions);
        return new BacktestEngine(MiniSample.panel(), spec.config()).run(s);
    }

    private static Set<String> bought(BacktestResult r) {
        return r.fills().stream().filter(f -> f.side() == Side.BUY).map(f -> f.code().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** +1 for the favoured codes, -1 for the others. */
    private static DailyPredictions favouring(Set<String> favoured) {
        return (day, codes) -> codes.stream().mapToDouble(c -> favoured.contains(c) ? 1.0 : -1.0).toArray();
    }

    @Test
    void allNanPredictionsDecideAsWithoutAModel() {
        List<LocalDate> asked = new ArrayList<>();
        BacktestResult without = run(spec(Map.of(), null), null, null);
        BacktestResult nan = run(spec(Map.of(), "none-known"), (day, codes) -> {
            asked.add(day);
            double[] p = new double[codes.size()];
            Arrays.fill(p, Double.NaN);
            return p;
        }, null);

        assertThat(without.fills()).hasSizeGreaterThan(20);
        assertThat(nan.fills()).isEqualTo(without.fills());
        assertThat(nan.equitySeries()).containsExactly(without.equitySeries());
        assertThat(nan.rejections()).isEqualTo(without.rejections());
        // One call per decision day: every trading day of the run but the last.
        assertThat(asked).hasSize(without.days() - 1).doesNotHaveDuplicates().isSorted();
        assertThat(asked.get(0)).isEqualTo(without.date(0));
    }

    @Test
    void predictionsThatFavourOtherStocksChangeThePicks() {
        // The five stocks the default strategy buys least (by value) become the model's favourites.
        BacktestResult plain = run(spec(Map.of(), null), null, null);
        Map<String, Double> boughtValue = new HashMap<>();
        MiniSample.panel().codes().forEach(c -> boughtValue.put(c.toString(), 0.0));
        for (Fill f : plain.fills()) {
            if (f.side() == Side.BUY) {
                boughtValue.merge(f.code().toString(), f.value(), Double::sum);
            }
        }
        Set<String> favoured = boughtValue.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).limit(5).map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));

        Map<LocalDate, double[]> scored = new HashMap<>();
        Map<LocalDate, List<String>> dayCodes = new HashMap<>();
        List<LocalDate> asked = new ArrayList<>();
        DailyPredictions model = favouring(favoured);
        BacktestResult withModel = run(spec(MODEL_ONLY, "favourites"), (day, codes) -> {
            asked.add(day);
            return model.forDay(day, codes);
        }, (day, cs, traded, previous, closes, decision) -> {
            scored.put(day, cs.predictedReturn().clone());
            dayCodes.put(day, cs.tsCodes());
        });

        // The decision after D's close scored the predictions asked for D, for exactly D's cross-section.
        assertThat(scored.keySet()).containsExactlyInAnyOrderElementsOf(asked);
        for (LocalDate d : asked) {
            assertThat(scored.get(d)).containsExactly(model.forDay(d, dayCodes.get(d)));
        }
        assertThat(bought(withModel)).isNotEmpty().isSubsetOf(favoured);
        assertThat(bought(plain)).isNotEqualTo(bought(withModel));
        assertThat(bought(plain).stream().filter(c -> !favoured.contains(c))).isNotEmpty();

        // With the preset's weights (model 0.2) the favourites gain too, without taking over.
        BacktestResult blended = run(spec(Map.of(), "favourites"), model, null);
        assertThat(boughtValue(blended, favoured)).isGreaterThan(boughtValue(plain, favoured));
    }

    private static double boughtValue(BacktestResult r, Set<String> codes) {
        return r.fills().stream().filter(f -> f.side() == Side.BUY && codes.contains(f.code().toString())).mapToDouble(Fill::value).sum();
    }

    @Test
    void predictionsOfTheWrongLengthFailTheRun() {
        assertThatThrownBy(() -> run(spec(Map.of(), "short"), (day, codes) -> new double[1], null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("predictions for 2021-06-01 number 1");
    }

    @Test
    void theModelIsMultiFactorsAndMustComeWithItsPredictions() {
        assertThatThrownBy(() -> BacktestSpec.builder().strategy("buy_and_hold").stocks(List.of("600000.SH")).startDate(START)
                .endDate(END).model("m").build(Dialect.JSON))
                .isInstanceOfSatisfying(InvalidParameter.class, e -> assertThat(e.param()).isEqualTo(Param.MODEL))
                .hasMessage("model is only for strategy multi_factor (its model sub-score)");
        assertThatThrownBy(() -> spec(Map.of(), " "))
                .isInstanceOfSatisfying(InvalidParameter.class, e -> assertThat(e.param()).isEqualTo(Param.MODEL))
                .hasMessageContaining("--model is blank");
        assertThat(spec(Map.of(), " models/m1 ").model()).isEqualTo("models/m1");
        assertThatThrownBy(() -> spec(Map.of(), "m").newStrategy(() -> null, MiniSample.panel(), null, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pass its predictions");
        assertThatThrownBy(() -> spec(Map.of(), null).newStrategy(() -> null, MiniSample.panel(), null, null, favouring(Set.of())))
                .isInstanceOf(IllegalStateException.class);
    }
}
