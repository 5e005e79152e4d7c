package com.alphaquant.strategy.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.events.StrategySignal;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import com.alphaquant.market.rules.Side;
import com.alphaquant.strategy.factors.FactorClient;
import com.alphaquant.strategy.portfolio.Book;
import com.alphaquant.strategy.portfolio.DayDecision;
import com.alphaquant.strategy.risk.RiskDecision;
import com.alphaquant.strategy.signal.CrossSection;
import com.alphaquant.strategy.signal.Signal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity (issue 7): for every day of a multi_factor backtest on the real 30-stock sample, the
 * signals and target weights the backtest used equal those strategy-service's live path computes
 * for that day from the same factors, fed in day order with the book the live path itself left
 * the day before (as the store gives it back). Factors go the live way: as factor-service rows
 * (null for NaN) through {@link FactorClient#toCrossSection}.
 */
class BacktestParityTest {

    static final String BARS = "mini_raw_adj_30_20210104_20221220.csv.gz";
    static final String INDEX = "index_daily_2018_2026.csv.gz";
    static final String STOCK_BASIC = "stock_basic_350.csv.gz";
    static final String TRADE_CAL = "trade_cal_SSE_derived_20160101_20260318.csv.gz";

    static BarPanel panel;

    /** One backtest day as the strategy saw and decided it. */
    record Day(LocalDate date, CrossSection crossSection, List<String> traded, Map<String, Double> closes, DayDecision decision) {}

    @BeforeAll
    static void readSample() {
        Map<TsCode, StockBasic> basics = StockBasicCsv.read(SampleData.file(STOCK_BASIC)).stream()
                .collect(Collectors.toMap(StockBasic::tsCode, Function.identity(), (a, b) -> a));
        panel = BarPanel.of(TradeCalCsv.read(SampleData.file(TRADE_CAL)), BarCsv.read(SampleData.file(BARS)),
                c -> basics.get(c).listDate(), (c, d) -> false, BarCsv.read(SampleData.file(INDEX)), TsCode.of("000300.SH"));
    }

    static List<Day> backtest(Map<String, Double> parameters, BacktestResult[] result) {
        BacktestSpec spec = BacktestSpec.builder().strategy("multi_factor").startDate("2021-03-01").endDate("2022-12-20")
                .strategyParameters(parameters).build(BacktestSpec.Dialect.CLI);
        List<Day> days = new ArrayList<>();
        result[0] = new BacktestEngine(panel, spec.config()).run(spec.newStrategy(() -> null, panel,
                (date, cs, traded, previous, closes, decision) -> days.add(new Day(date, cs, traded, closes, decision))));
        return days;
    }

    /** The day's factors and closes as factor-service's rows: one per stock with a bar, null where NaN. */
    static List<FactorClient.Row> rows(Day day) {
        CrossSection cs = day.crossSection();
        List<FactorClient.Row> rows = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String name : cs.factors().keySet()) {
                double v = cs.factor(name)[i];
                values.put(name, Double.isNaN(v) ? null : v);
            }
            rows.add(new FactorClient.Row(cs.tsCodes().get(i), day.date(), day.closes().get(cs.tsCodes().get(i)), values));
        }
        return rows;
    }

    /** Runs the live path over the backtest's days and compares; returns {signals, buys, sells, stops}. */
    static int[] compare(List<Day> days, boolean withCloses) {
        StrategyDefinition mf = StrategyDefinition.preset("multi_factor");
        Book book = Book.EMPTY; // the live store has nothing before the first day
        int[] counts = new int[4];
        for (Day day : days) {
            List<FactorClient.Row> rows = rows(day);
            CrossSection live = FactorClient.toCrossSection(rows, day.date(), mf.factorNames());
            List<String> traded = live.tsCodes(); // universe: all
            SignalEngine.Evaluation e = SignalEngine.compute(mf, day.date(), live, traded, book,
                    withCloses ? FactorClient.closes(rows, day.date()) : Map.of(), null, Instant.EPOCH);
            DayDecision expected = day.decision();
            String when = "on " + day.date();

            assertThat(e.signals()).as(when).hasSameSizeAs(expected.signals());
            for (int i = 0; i < e.signals().size(); i++) {
                StrategySignal got = e.signals().get(i);
                Signal want = expected.signals().get(i);
                String what = want.tsCode() + " " + when;
                assertThat(got.tsCode()).as(what).isEqualTo(want.tsCode());
                assertThat(got.action().name()).as(what).isEqualTo(want.action().name());
                assertThat(got.score()).as(what).isEqualTo(want.score());
                assertThat(got.subScores()).as(what).isEqualTo(want.subScores());
                assertThat(got.targetWeight()).as(what).isEqualTo(expected.target(want.tsCode()));
                assertThat(got.riskNotes()).as(what).isEqualTo(expected.notesFor(want.tsCode()));
                counts[0]++;
                counts[1] += got.action() == StrategySignal.Action.BUY ? 1 : 0;
                counts[2] += got.action() == StrategySignal.Action.SELL ? 1 : 0;
                counts[3] += got.riskNotes().contains(RiskDecision.STOP_LOSS) || got.riskNotes().contains(RiskDecision.TRAILING_STOP) ? 1 : 0;
            }
            // The whole book too: weights of stocks held without a signal that day, prices, returns.
            assertThat(e.decision().targets()).as(when).isEqualTo(expected.targets());
            assertThat(e.book()).as(when).isEqualTo(expected.next());
            book = e.book();
        }
        return counts;
    }

    @Test
    void everyDayOfTheBacktestEqualsTheLivePath() {
        BacktestResult[] result = new BacktestResult[1];
        List<Day> days = backtest(Map.of(), result);
        int[] counts = compare(days, true);

        assertThat(days).hasSizeGreaterThan(400);
        assertThat(counts[0]).isGreaterThan(10_000);
        assertThat(counts[1]).as("BUY signals").isGreaterThan(1_000);
        assertThat(counts[2]).as("SELL signals").isGreaterThan(1_000);
        assertThat(counts[3]).as("stops fired").isGreaterThan(10);
        assertThat(days.stream().mapToDouble(d -> d.decision().targets().values().stream().mapToDouble(Double::doubleValue).sum()).max()
                .orElseThrow()).isGreaterThan(0.5);
        assertThat(result[0].fills().stream().filter(f -> f.side() == Side.BUY)).hasSizeGreaterThan(50);
        assertThat(result[0].fills().stream().filter(f -> f.side() == Side.SELL)).hasSizeGreaterThan(50);
    }

    /** Without closes (use_prices 0): weights only, the live path when factor-service cannot give a close. */
    @Test
    void withoutPricesTheBacktestEqualsTheLiveServiceAsDeployed() {
        BacktestResult[] result = new BacktestResult[1];
        List<Day> days = backtest(Map.of("use_prices", 0.0), result);
        int[] counts = compare(days, false);
        assertThat(counts[1]).isGreaterThan(1_000);
        assertThat(counts[2]).isGreaterThan(1_000);
        assertThat(counts[3]).isZero();

        // And the weights-only entry point (previous day's stored target weights: signals stored
        // before books were) gives the backtest's signals. Its target weights are those of the shared
        // decision from a book whose desired weights are the weights held (all such a book knows):
        // the backtest's own book keeps desired weights above the held ones wherever max_exposure or
        // max_single_trade cut them (on every day of this run), so its weights may differ there.
        Day day = days.get(days.size() / 2);
        Day before = days.get(days.size() / 2 - 1);
        Map<String, Double> previous = new HashMap<>(before.decision().next().weights());
        StrategyDefinition mf = StrategyDefinition.preset("multi_factor");
        CrossSection live = FactorClient.toCrossSection(rows(day), day.date(), mf.factorNames());
        List<StrategySignal> signals = SignalEngine.compute(mf, day.date(), live, live.tsCodes(), previous, null, Instant.EPOCH);
        DayDecision legacy = mf.portfolio().decide(live, live.tsCodes(), Book.ofWeights(previous), Map.of());
        assertThat(signals).hasSameSizeAs(day.decision().signals());
        for (int i = 0; i < signals.size(); i++) {
            StrategySignal s = signals.get(i);
            Signal want = day.decision().signals().get(i);
            assertThat(s.tsCode()).isEqualTo(want.tsCode());
            assertThat(s.action().name()).as(s.tsCode()).isEqualTo(want.action().name());
            assertThat(s.score()).as(s.tsCode()).isEqualTo(want.score());
            assertThat(s.targetWeight()).as(s.tsCode()).isEqualTo(legacy.target(s.tsCode()));
        }
        assertThat(legacy.targets().values().stream().mapToDouble(Double::doubleValue).sum())
                .isLessThanOrEqualTo(mf.risk().maxExposure() + 1e-12);
    }
}
