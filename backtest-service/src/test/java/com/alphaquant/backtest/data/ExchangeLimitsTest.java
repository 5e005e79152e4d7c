package com.alphaquant.backtest.data;

import com.alphaquant.support.data.DataServiceBarSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.FakeDataService;
import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.engine.RejectReason;
import com.alphaquant.backtest.engine.Rejection;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import com.alphaquant.market.rules.Side;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both sources hand a run the exchange's limit prices (the synthetic stk_limit fixture of the
 * sample), and the run's panel uses them over the rule book's: shown with one planted row that
 * puts the limit-up at the day's open, so that a buy the book would fill is refused.
 */
class ExchangeLimitsTest {

    private static final TsCode THREE_GORGES = TsCode.of("600900.SH");
    private static final TsCode SALT_LAKE = TsCode.of("000792.SZ"); // relisted 2021-08-10: no exchange row that day
    private static final LocalDate DECIDED = LocalDate.of(2021, 8, 9);
    private static final LocalDate TRADED = LocalDate.of(2021, 8, 10);

    private static BarSource source(String kind) {
        return kind.equals("files") ? new BundledSampleBarSource(Sample.dir(), "daily_raw_adj_*.csv*")
                : new DataServiceBarSource(FakeDataService.shared().url(), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"files", "data-service"})
    void theSourceServesTheFixturesRowsOfTheAskedStocks(String kind) {
        LocalDate from = LocalDate.of(2021, 8, 2);
        LocalDate to = LocalDate.of(2021, 8, 31);
        List<ExchangeLimit> expected = Sample.exchangeLimits().stream()
                .filter(r -> Set.of(THREE_GORGES, SALT_LAKE).contains(r.tsCode()) && !r.tradeDate().isBefore(from) && !r.tradeDate().isAfter(to))
                .toList();
        List<ExchangeLimit> served = source(kind).exchangeLimits(Set.of(THREE_GORGES, SALT_LAKE, TsCode.of("600519.SH")), from, to);
        assertThat(served).containsExactlyInAnyOrderElementsOf(expected);
        // 600900.SH every session; 000792.SZ from 08-11 (suspended until 08-09, unlimited 08-10)
        assertThat(served.stream().filter(r -> r.tsCode().equals(THREE_GORGES))).hasSize(22);
        assertThat(served.stream().filter(r -> r.tsCode().equals(SALT_LAKE)).map(ExchangeLimit::tradeDate).min(LocalDate::compareTo))
                .contains(LocalDate.of(2021, 8, 11));
    }

    @ParameterizedTest
    @ValueSource(strings = {"files", "data-service"})
    void aBuyAtThePlantedExchangeLimitUpIsRefusedWhereTheBookWouldFillIt(String kind) {
        TargetWeightsStrategy weights = TargetWeightsStrategy.of(List.of(
                new TargetWeightsStrategy.Row(DECIDED, THREE_GORGES, 0.5), new TargetWeightsStrategy.Row(DECIDED, SALT_LAKE, 0.3)));
        BacktestSpec spec = BacktestSpec.builder().strategy("target_weights").weightsGiven(true).startDate("2021-08-09")
                .endDate("2021-08-13").fill("open").benchmark("none").build(BacktestSpec.Dialect.JSON);
        BarSource source = source(kind);
        Bar bar = source.bars(THREE_GORGES, TRADED, TRADED).get(0);

        BarPanel asStored = new MarketData(source).load(spec, weights, f -> { }).panel();
        // the fixture's row: 19.35 × 1.1 = 21.285 → 21.29, as the book has it
        assertThat(asStored.limitUpPrice(THREE_GORGES, TRADED)).isEqualTo(21.29);
        // no exchange row on the relisting day: the book's 10% band from its pre_close 8.84 stays
        assertThat(asStored.limitUpPrice(SALT_LAKE, TRADED)).isEqualTo(9.72);
        BacktestResult stored = run(spec, weights, source);
        assertThat(stored.fills()).filteredOn(f -> f.code().equals(THREE_GORGES)).singleElement()
                .satisfies(f -> assertThat(f.date()).isEqualTo(TRADED));

        BacktestResult planted = run(spec, weights, new Planted(source, bar.open()));
        System.out.println("[" + kind + "] as stored: rejections " + stored.rejections() + "; planted limit-up "
                + bar.open() + ": rejections " + planted.rejections());
        assertThat(planted.fills()).noneMatch(f -> f.code().equals(THREE_GORGES));
        assertThat(planted.rejections()).filteredOn(r -> r.code().equals(THREE_GORGES))
                .extracting(Rejection::date, Rejection::side, Rejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TRADED, Side.BUY, RejectReason.LIMIT_UP));
        // the other stock is untouched by the planted row
        assertThat(planted.rejections()).filteredOn(r -> r.code().equals(SALT_LAKE)).isEqualTo(
                stored.rejections().stream().filter(r -> r.code().equals(SALT_LAKE)).toList());
        assertThat(planted.fills()).filteredOn(f -> f.code().equals(SALT_LAKE))
                .isEqualTo(stored.fills().stream().filter(f -> f.code().equals(SALT_LAKE)).toList());
    }

    private static BacktestResult run(BacktestSpec spec, TargetWeightsStrategy weights, BarSource source) {
        BarPanel panel = new MarketData(source).load(spec, weights, f -> { }).panel();
        return new BacktestEngine(panel, spec.config()).run(spec.newStrategy(() -> weights));
    }

    /** The source's data with 600900.SH's exchange limit-up on {@link #TRADED} set to {@code up}. */
    private record Planted(BarSource data, double up) implements ForwardingBarSource {

        @Override
        public List<ExchangeLimit> exchangeLimits(Collection<TsCode> stocks, LocalDate from, LocalDate to) {
            return data.exchangeLimits(stocks, from, to).stream()
                    .map(r -> r.tsCode().equals(THREE_GORGES) && r.tradeDate().equals(TRADED)
                            ? new ExchangeLimit(r.tsCode(), r.tradeDate(), r.preClose(), up, r.downLimit()) : r)
                    .toList();
        }
    }
}
