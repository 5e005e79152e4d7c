package com.alphaquant.backtest.data;

import com.alphaquant.support.data.DataServiceBarSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.FakeDataService;
import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.engine.RejectReason;
import com.alphaquant.backtest.engine.Rejection;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Bar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ST stocks' price limits in a backtest, from either source: over the real sample, the engine's
 * limit prices are 5% of pre_close on exactly the days the stock bore an ST name and 10% on the
 * others, and a buy at a close sitting at the ST limit-up is refused. The ST days here are the
 * episodes of the real namechange history, written out independently of the code that reads it.
 */
class StLimitsTest {

    private static final TsCode SALT_LAKE = TsCode.of("000792.SZ"); // *ST盐湖 2019-04-30 … 2021-08-09
    private static final TsCode CSSC = TsCode.of("600150.SH");      // *ST船舶 2018-04-24 … 2019-03-28
    private static final Map<TsCode, LocalDate[]> EPISODES = Map.of(
            SALT_LAKE, new LocalDate[] {LocalDate.of(2019, 4, 30), LocalDate.of(2021, 8, 9)},
            CSSC, new LocalDate[] {LocalDate.of(2018, 4, 24), LocalDate.of(2019, 3, 28)});

    private static FakeDataService dataService;

    @BeforeAll
    static void start() {
        dataService = FakeDataService.start();
    }

    @AfterAll
    static void stop() {
        dataService.close();
    }

    private static BarSource source(String kind) {
        return kind.equals("files") ? new BundledSampleBarSource(Sample.dir(), "daily_raw_adj_*.csv*")
                : new DataServiceBarSource(dataService.url(), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private static boolean st(TsCode code, LocalDate day) {
        LocalDate[] e = EPISODES.get(code);
        return !day.isBefore(e[0]) && !day.isAfter(e[1]);
    }

    /** Whether bar {@code i} is within three bars of a change of ST status (what the test prints). */
    private static boolean nearASwitch(TsCode code, List<Bar> bars, int i) {
        for (int j = Math.max(1, i - 2); j <= Math.min(bars.size() - 1, i + 3); j++) {
            if (st(code, bars.get(j).tradeDate()) != st(code, bars.get(j - 1).tradeDate())) {
                return true;
            }
        }
        return false;
    }

    private static double halfUp(double preClose, String factor) {
        return new BigDecimal(Double.toString(preClose)).multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"files", "data-service"})
    void limitPricesAreFivePercentOnExactlyTheStDaysAndTenOnTheOthers(String kind) {
        BacktestSpec spec = BacktestSpec.builder().strategy("buy_and_hold").startDate("2019-03-01").endDate("2019-06-28")
                .stocks(List.of("000792.SZ", "600150.SH")).benchmark("none").build(BacktestSpec.Dialect.JSON);
        BarPanel panel = new MarketData(source(kind)).load(spec, null, f -> { }).panel();

        System.out.println("[" + kind + "] day        code       pre_close ST  limit-up (engine = independent)  limit-down  close");
        for (TsCode code : List.of(SALT_LAKE, CSSC)) {
            List<Bar> bars = panel.stockBars(panel.indexOf(code));
            long stDays = bars.stream().filter(b -> st(code, b.tradeDate())).count();
            assertThat(stDays).as("%s has ST and normal days in the range", code).isBetween(1L, bars.size() - 1L);
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                boolean isSt = st(code, b.tradeDate());
                double up = halfUp(b.preClose(), isSt ? "1.05" : "1.10");
                double down = halfUp(b.preClose(), isSt ? "0.95" : "0.90");
                assertThat(panel.limitUpPrice(code, b.tradeDate())).as("%s %s limit-up", code, b.tradeDate()).isEqualTo(up);
                assertThat(panel.limitDownPrice(code, b.tradeDate())).as("%s %s limit-down", code, b.tradeDate()).isEqualTo(down);
                if (nearASwitch(code, bars, i)) {
                    System.out.printf("[%s] %s %s %9.2f %-3s %8.2f = %-8.2f %15.2f %6.2f%n", kind, b.tradeDate(), code,
                            b.preClose(), isSt ? "ST" : "-", panel.limitUpPrice(code, b.tradeDate()), up,
                            panel.limitDownPrice(code, b.tradeDate()), b.close());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"files", "data-service"})
    void aBuyAtACloseSittingAtTheStLimitUpIsNotFilled(String kind) {
        // Decided at the close of 2019-04-30, filled at the close of the next session, 2019-05-06,
        // when 000792.SZ (ST) closed at 7.42 = round(7.07 × 1.05): limit-up. With a 10% band it fills.
        TargetWeightsStrategy weights = TargetWeightsStrategy.of(List.of(
                new TargetWeightsStrategy.Row(LocalDate.of(2019, 4, 30), SALT_LAKE, 0.5)));
        BacktestSpec spec = BacktestSpec.builder().strategy("target_weights").weightsGiven(true).startDate("2019-04-30")
                .endDate("2019-05-10").fill("close").benchmark("none").build(BacktestSpec.Dialect.JSON);
        BarSource source = source(kind);

        BacktestResult withSt = run(spec, weights, source);
        BacktestResult neverSt = run(spec, weights, new NeverSt(source));

        System.out.println("[" + kind + "] with ST history: fills " + withSt.fills() + ", rejections " + withSt.rejections());
        System.out.println("[" + kind + "] never ST:        fills " + neverSt.fills() + ", rejections " + neverSt.rejections());
        assertThat(withSt.fills()).isEmpty();
        assertThat(withSt.rejections()).extracting(Rejection::date, Rejection::code, Rejection::side, Rejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2019, 5, 6), SALT_LAKE, Side.BUY, RejectReason.LIMIT_UP));
        assertThat(neverSt.fills()).singleElement().satisfies(f -> {
            assertThat(f.date()).isEqualTo(LocalDate.of(2019, 5, 6));
            assertThat(f.price()).isGreaterThanOrEqualTo(7.42).isLessThan(halfUp(7.07, "1.10"));
        });
    }

    private static BacktestResult run(BacktestSpec spec, TargetWeightsStrategy weights, BarSource source) {
        BarPanel panel = new MarketData(source).load(spec, weights, f -> { }).panel();
        return new BacktestEngine(panel, spec.config()).run(spec.newStrategy(() -> weights));
    }

    /** The same data with no stock ever ST: what the engine did before it had the name history. */
    private record NeverSt(BarSource data) implements ForwardingBarSource {

        @Override
        public StHistory stHistory(LocalDate from, LocalDate to) {
            return StHistory.NONE;
        }
    }
}
