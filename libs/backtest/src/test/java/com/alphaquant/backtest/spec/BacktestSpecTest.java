package com.alphaquant.backtest.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.engine.FillPrice;
import com.alphaquant.backtest.spec.BacktestSpec.Dialect;
import com.alphaquant.backtest.spec.BacktestSpec.InvalidParameter;
import com.alphaquant.backtest.spec.BacktestSpec.Param;
import com.alphaquant.backtest.strategy.BuyAndHoldStrategy;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BacktestSpecTest {

    private static BacktestSpec.Builder base() {
        return BacktestSpec.builder().strategy("buy_and_hold").startDate("2022-01-04").endDate("20221220")
                .stocks(List.of("600000.SH", " 600519.SH", "600000.SH", ""));
    }

    @Test
    void defaultsAreTheCliDefaults() {
        BacktestSpec spec = base().build(Dialect.JSON);
        assertThat(spec.strategy()).isEqualTo("buy_and_hold");
        assertThat(spec.start()).isEqualTo(LocalDate.of(2022, 1, 4));
        assertThat(spec.end()).isEqualTo(LocalDate.of(2022, 12, 20));
        assertThat(spec.stocks()).containsExactly(TsCode.of("600000.SH"), TsCode.of("600519.SH"));
        assertThat(spec.benchmark()).isEqualTo(TsCode.of("000300.SH"));
        assertThat(spec.config().initialCapital()).isEqualTo(1_000_000);
        assertThat(spec.config().costs().commissionRate()).isEqualTo(0.0003);
        assertThat(spec.config().costs().minCommission()).isEqualTo(5);
        assertThat(spec.config().costs().stampDutyRate()).isNaN();
        assertThat(spec.config().slippage().base()).isEqualTo(0.0001);
        assertThat(spec.config().fillPrice()).isEqualTo(FillPrice.OPEN);
        assertThat(spec.config().carryOver()).isFalse();
        assertThat(spec.universeLabel()).isEqualTo("600000.SH,600519.SH");
        assertThat(spec.newStrategy(() -> null)).isInstanceOf(BuyAndHoldStrategy.class);
        assertThat(spec.requiredStocks(null)).containsExactly(TsCode.of("600000.SH"), TsCode.of("600519.SH"));
        assertThat(base().stocks(null).universe("ALL").benchmark("none").build(Dialect.CLI).requiredStocks(null)).isNull();
    }

    @Test
    void eachRefusalNamesItsParameterInTheFrontEndsSpelling() {
        Object[][] cases = {
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.strategy("momentum"), Param.STRATEGY,
                        "Unknown strategy 'momentum': expected one of target_weights, buy_and_hold"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.strategy("target_weights"), Param.WEIGHTS,
                        "Strategy target_weights needs weights [{tradeDate, tsCode, weight}, ...]"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.universe("all"), Param.UNIVERSE,
                        "Give either stocks or universe \"all\", not both"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.endDate("2021-12-31"), Param.END_DATE,
                        "endDate 2021-12-31 is before startDate 2022-01-04"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.startDate("2022/01/04"), Param.START_DATE,
                        "Invalid startDate '2022/01/04': expected yyyy-MM-dd or yyyyMMdd"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.stocks(List.of("600000")), Param.STOCKS,
                        "Invalid ts_code '600000': expected six digits, a dot and SH, SZ or BJ, e.g. 600519.SH"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.initialCapital(-1.0), Param.INITIAL_CAPITAL,
                        "Initial capital must be positive (and below 1e13 CNY), got -1.0"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.minCommission(-1.0), Param.MIN_COMMISSION,
                        "min_commission must be >= 0, got -1.0"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.transferFee(0.2), Param.TRANSFER_FEE,
                        "transfer_fee rate must be in [0, 0.1), got 0.2"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.slippageCap(0.9), Param.SLIPPAGE_CAP, "cap=0.9"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.fill("mid"), Param.FILL,
                        "Unknown fill price 'mid': expected open, close or vwap"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.benchmark("CSI300"), Param.BENCHMARK, "Invalid ts_code 'CSI300'"},
                {(UnaryOperator<BacktestSpec.Builder>) b -> b.strategyParameters(Map.of("top_n", 5.0)), Param.STRATEGY_PARAMETERS,
                        "Strategy buy_and_hold has no parameter 'top_n' (it has none)"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            UnaryOperator<BacktestSpec.Builder> change = (UnaryOperator<BacktestSpec.Builder>) c[0];
            assertThatThrownBy(() -> change.apply(base()).build(Dialect.JSON))
                    .isInstanceOfSatisfying(InvalidParameter.class, e -> assertThat(e.param()).isEqualTo(c[1]))
                    .hasMessageContaining((String) c[2]);
        }
        assertThatThrownBy(() -> base().endDate("2021-12-31").build(Dialect.CLI))
                .hasMessage("--end-date 2021-12-31 is before --start-date 2022-01-04");
    }
}
