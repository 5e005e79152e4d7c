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
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.PriceLimit;
import com.alphaquant.market.rules.PriceLimitBook;
import com.alphaquant.market.rules.Side;
import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.signal.Signal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** multi_factor on the 30-stock real sample through the unchanged engine. */
class MultiFactorStrategyTest {

    static final String START = "2021-06-01";
    static final String END = "2022-12-20";

    static BacktestSpec spec(Map<String, Double> parameters) {
        return BacktestSpec.builder().strategy("multi_factor").startDate(START).endDate(END)
                .strategyParameters(parameters).build(Dialect.CLI);
    }

    static BacktestResult run(BacktestSpec spec, MultiFactorStrategy.DecisionListener listener) {
        Strategy strategy = spec.newStrategy(() -> null, MiniSample.panel(), listener);
        return new BacktestEngine(MiniSample.panel(), spec.config()).run(strategy);
    }

    @Test
    void runsTradesAndIsDeterministic() {
        List<String> notes = new ArrayList<>();
        int[] signals = new int[3];
        BacktestResult a = run(spec(Map.of()), (day, cs, traded, previous, closes, decision) -> {
            decision.risk().notes().values().forEach(notes::addAll);
            for (Signal s : decision.signals()) {
                signals[s.action().ordinal()]++;
            }
            assertThat(decision.targets().values().stream().mapToDouble(Double::doubleValue).sum()).isLessThanOrEqualTo(0.95 + 1e-9);
            assertThat(decision.targets().values()).allMatch(w -> w <= 0.10 + 1e-12);
        });
        BacktestResult b = run(spec(Map.of()), null);

        assertThat(a.strategy()).isEqualTo("multi_factor");
        long buys = a.fills().stream().filter(f -> f.side() == Side.BUY).count();
        long sells = a.fills().size() - buys;
        assertThat(buys).isGreaterThan(50);
        assertThat(sells).isGreaterThan(50);
        assertThat(signals[Signal.Action.BUY.ordinal()]).isGreaterThan(100);
        assertThat(signals[Signal.Action.SELL.ordinal()]).isGreaterThan(100);
        assertThat(notes).contains(RiskDecision.MAX_SINGLE_TRADE, RiskDecision.STOP_LOSS, RiskDecision.TRAILING_STOP);
        assertThat(a.finalEquity()).isNotEqualTo(a.config().initialCapital());

        // Deterministic: a second run gives the same fills and equity, to the cent.
        assertThat(b.fills()).isEqualTo(a.fills());
        assertThat(b.equitySeries()).containsExactly(a.equitySeries());
        assertThat(b.rejections()).isEqualTo(a.rejections());
    }

    @Test
    void respectsTPlusOneAndPriceLimits() {
        BacktestResult r = run(spec(Map.of()), null);
        Map<String, Bar> bars = new HashMap<>();
        Map<TsCode, Integer> seen = new HashMap<>();
        Set<String> seasoned = new HashSet<>();
        for (Bar b : MiniSample.bars()) {
            bars.put(b.tsCode() + "|" + b.tradeDate(), b);
            if (seen.merge(b.tsCode(), 1, Integer::sum) > 10) {
                seasoned.add(b.tsCode() + "|" + b.tradeDate()); // listing-day rules are over
            }
        }
        Map<TsCode, LocalDate> firstBuy = new HashMap<>();
        for (Fill f : r.fills()) {
            String key = f.code() + "|" + f.date();
            Bar bar = bars.get(key);
            assertThat(bar).as("a fill needs a bar (no trading while suspended): %s", key).isNotNull();
            if (f.side() == Side.BUY) {
                firstBuy.putIfAbsent(f.code(), f.date());
            } else {
                // T+1: what is sold was bought on an earlier day.
                assertThat(firstBuy.get(f.code())).as("sell of %s", key).isNotNull().isBefore(f.date());
            }
            if (seasoned.contains(key)) {
                PriceLimit limit = PriceLimit.symmetric(PriceLimitBook.normalLimit(Board.of(f.code()), false, f.date()));
                if (f.side() == Side.BUY) {
                    assertThat(f.price()).as("buy %s", key).isLessThan(limit.limitUpPrice(bar.preClose()));
                } else {
                    assertThat(f.price()).as("sell %s", key).isGreaterThan(limit.limitDownPrice(bar.preClose()));
                }
            }
        }
    }

    @Test
    void withoutPricesNoStopFires() {
        List<String> notes = new ArrayList<>();
        run(spec(Map.of("use_prices", 0.0)), (day, cs, traded, previous, closes, decision) -> {
            assertThat(closes).isEmpty();
            decision.risk().notes().values().forEach(notes::addAll);
        });
        assertThat(notes).doesNotContain(RiskDecision.STOP_LOSS, RiskDecision.TRAILING_STOP, RiskDecision.VOL_TARGET)
                .contains(RiskDecision.MAX_SINGLE_TRADE);
    }

    /**
     * Point in time: the factors the strategy reads on day t equal those computed from the bars
     * cut at t, with adj_factor re-based on day t (what was knowable that evening).
     */
    @Test
    void factorsOnDayTUseOnlyDataUpToT() {
        List<String> names = List.of("DEV20", "MACD_HIST", "RS20", "MOM20", "MOM60", "RSI14", "VOL20", "ATR14", "BOLL_PCTB", "WILLR14");
        Map<String, Map<String, double[]>> seen = new HashMap<>(); // date -> factor -> values
        Map<String, List<String>> codes = new HashMap<>();
        run(spec(Map.of()), (day, cs, traded, previous, closes, decision) -> {
            Map<String, double[]> values = new HashMap<>();
            names.forEach(n -> values.put(n, cs.factor(n)));
            seen.put(day.toString(), values);
            codes.put(day.toString(), cs.tsCodes());
        });
        for (String cut : List.of("2021-06-01", "2021-11-15", "2022-07-01", "2022-12-19")) {
            LocalDate t = LocalDate.parse(cut);
            Map<TsCode, Double> adjAtT = new HashMap<>();
            List<Bar> upToT = new ArrayList<>();
            for (Bar b : MiniSample.bars()) {
                if (!b.tradeDate().isAfter(t)) {
                    upToT.add(b);
                    adjAtT.put(b.tsCode(), b.adjFactor()); // the file is in (code, date) order: the last one wins
                }
            }
            List<Bar> rebased = upToT.stream().map(b -> new Bar(b.tsCode(), b.tradeDate(), b.open(), b.high(), b.low(), b.close(),
                    b.preClose(), b.vol(), b.amount(), b.adjFactor() / adjAtT.get(b.tsCode()))).toList();
            List<Bar> index = MiniSample.index().stream().filter(b -> !b.tradeDate().isAfter(t)).toList();
            FactorPanel cutPanel = new FactorEngine(FactorRegistry.select(names), 1)
                    .compute(PanelInput.builder().bars(rebased).benchmarkBars(index).calendar(MiniSample.calendar()).build());
            List<String> dayCodes = codes.get(cut);
            assertThat(dayCodes).hasSizeGreaterThan(20);
            int compared = 0;
            for (String n : names) {
                double[] used = seen.get(cut).get(n);
                for (int i = 0; i < dayCodes.size(); i++) {
                    double expected = cutPanel.value(n, TsCode.of(dayCodes.get(i)), t);
                    if (Double.isNaN(expected)) {
                        assertThat(used[i]).as("%s %s %s", n, dayCodes.get(i), cut).isNaN();
                    } else {
                        assertThat(used[i]).as("%s %s %s", n, dayCodes.get(i), cut)
                                .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(expected))));
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(200);
        }
    }

    @Test
    void theSpecExposesThePresetsParametersAndNamesABadOne() {
        Map<String, Double> defaults = BacktestSpec.strategyParameterDefaults("multi_factor");
        assertThat(defaults).containsEntry("max_position", 0.10).containsEntry("stop_loss", 0.05).containsEntry("buy_above", 0.6)
                .containsEntry("weight_trend", 0.3).containsEntry("vol_window", 20.0).containsEntry("use_prices", 1.0);
        assertThat(spec(Map.of()).strategyParameters()).isEqualTo(defaults);
        assertThat(spec(Map.of()).requiredStocks(null)).isNull(); // ranks within every stock with data
        assertThat(spec(Map.of()).dataStart()).isBefore(LocalDate.parse(START));
        assertThatThrownBy(() -> spec(Map.of("max_position", 1.5)))
                .isInstanceOf(InvalidParameter.class).hasMessageContaining("max_position")
                .satisfies(e -> assertThat(((InvalidParameter) e).param()).isEqualTo(Param.STRATEGY_PARAMETERS));
        assertThatThrownBy(() -> spec(Map.of("use_prices", 0.5))).hasMessageContaining("use_prices");
        assertThatThrownBy(() -> spec(Map.of("top_n", 5.0))).hasMessageContaining("has no parameter 'top_n'");
        assertThatThrownBy(() -> spec(Map.of()).newStrategy(() -> null)).hasMessageContaining("newStrategy(weights, panel)");
    }

    @Test
    void tradesOnlyTheNamedStocksRankedAmongAll() {
        List<String> named = List.of(MiniSample.panel().code(0).toString(), MiniSample.panel().code(1).toString());
        BacktestSpec spec = BacktestSpec.builder().strategy("multi_factor").startDate(START).endDate(END).stocks(named)
                .build(Dialect.CLI);
        int[] universe = {0};
        BacktestResult r = run(spec, (day, cs, traded, previous, closes, decision) -> {
            universe[0] = Math.max(universe[0], cs.size());
            assertThat(decision.targets().keySet()).isSubsetOf(named);
        });
        assertThat(universe[0]).isGreaterThan(20);
        assertThat(r.fills()).isNotEmpty().allMatch(f -> named.contains(f.code().toString()));
    }
}
