package com.alphaquant.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.backtest.Synthetic;
import com.alphaquant.backtest.metrics.Metrics;
import com.alphaquant.backtest.report.BacktestWriter;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy.Row;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.CostModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five days, two stocks, every figure worked out by hand (SPEC sections 2 and 2b).
 *
 * <p>A = 600001.SH (main board, lots of 100, ±10%), B = 688001.SH (STAR, min 200 then 1, ±20%).
 * Capital 100,000. Commission 0.0003 (min 5), stamp duty 0.001 on sells and transfer fee
 * 0.00001 (the rates in force in May 2022), each rounded half-up to the cent. Slippage 10 bp +
 * 0.1·sqrt(order/volume), cap 1%. Fills at the open. Benchmark 000300.SH.
 *
 * <pre>
 * weights: 05-09 A 0.5, B 0.4 | 05-11 B 0.4 (A 0) | 05-12 A 0.3, B 0.4
 *
 * 05-09 close: all cash, equity 100,000.00. Decide A 0.5, B 0.4:
 *   A target 0.5·100000/10.00 = 5000 sh; B target 0.4·100000/50.00 = 800 sh
 * 05-10 fills at the open:
 *   A buy 5000 @ ref 10.10, volume 10000 lots = 1,000,000 sh
 *     slippage = 10.10·(0.001 + 0.1·sqrt(5000/1e6)) = 10.10·0.0080711 = 0.081518 → price 10.1815
 *     value 5000·10.1815 = 50907.50; commission 50907.50·0.0003 = 15.27; transfer 0.51
 *     slippage cost 5000·0.0815 = 407.50; cash −50923.28
 *   B buy 800 @ ref 50.50, volume 400,000 sh
 *     slippage = 50.50·(0.001 + 0.1·sqrt(800/400000)) = 50.50·0.0054721 = 0.276343 → price 50.7763
 *     value 800·50.7763 = 40621.04; commission 12.19; transfer 0.41; slippage cost 221.04; cash −40633.64
 *   cash 100000 − 50923.28 − 40633.64 = 8443.08
 *   close: 5000·10.40 + 800·51.00 = 92800.00 → equity 101243.08
 * 05-11 no orders. close: 5000·10.30 + 800·61.20 (B closes limit-up) = 100460.00 → equity 108903.08
 *   Decide A 0, B 0.4: B target 0.4·108903.08/61.20 = 711.7848 sh
 * 05-12 B goes ex 10-for-10: pre_close 30.60 ≠ last close 61.20, adj 0.5 → 1.0:
 *   B holding 800·2 = 1600 sh, B target 711.7848·2 = 1423.5697 sh
 *   A sell all 5000 @ ref 10.20, volume 2,000,000 sh
 *     slippage = 10.20·(0.001 + 0.1·sqrt(5000/2e6)) = 10.20·0.006 = 0.0612 → price 10.1388
 *     value 50694.00; commission 15.21; stamp duty 50.69; transfer 0.51; slippage cost 306.00
 *     cash +50694.00 − 66.41 = +50627.59 → 59070.67
 *   B sell 1600 − 1423.5697 = 176.4303 sh: a partial STAR sell below 200 → rejected lot_size
 *   close: 1600·30.80 = 49280.00 → equity 108350.67
 *   Decide A 0.3, B 0.4: A target 0.3·108350.67/10.20 = 3186.78 → 3100 sh;
 *     B target 0.4·108350.67/30.80 = 1407.1516 → sell 192.8484 sh
 * 05-13 A opens at its limit-up 11.22 (= round(10.20·1.1, 2)) → buy 3100 rejected limit_up;
 *   B sell 192.8484 < 200 → rejected lot_size. close: 1600·31.50 = 50400.00 → equity 109470.67
 * benchmark 4000, 4040, 4000, 3960, 4080 → 100000, 101000, 100000, 99000, 102000
 * </pre>
 */
class HandComputedScenarioTest {

    private static final TsCode A = TsCode.of("600001.SH");
    private static final TsCode B = TsCode.of("688001.SH");
    private static final TsCode INDEX = TsCode.of("000300.SH");

    static BarPanel panel() {
        TradingCalendar calendar = Synthetic.weekdays(LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 31));
        List<Bar> stocks = List.of(
                Synthetic.bar("600001.SH", "2022-05-09", 10.00, 10.20, 9.90, 10.00, 10.00, 10000, 1.0),
                Synthetic.bar("600001.SH", "2022-05-10", 10.10, 10.50, 10.00, 10.40, 10.00, 10000, 1.0),
                Synthetic.bar("600001.SH", "2022-05-11", 10.50, 10.60, 10.20, 10.30, 10.40, 10000, 1.0),
                Synthetic.bar("600001.SH", "2022-05-12", 10.20, 10.40, 10.10, 10.20, 10.30, 20000, 1.0),
                Synthetic.bar("600001.SH", "2022-05-13", 11.22, 11.22, 11.00, 11.22, 10.20, 20000, 1.0),
                Synthetic.bar("688001.SH", "2022-05-09", 50.00, 51.00, 49.00, 50.00, 50.00, 4000, 0.5),
                Synthetic.bar("688001.SH", "2022-05-10", 50.50, 52.00, 50.00, 51.00, 50.00, 4000, 0.5),
                Synthetic.bar("688001.SH", "2022-05-11", 51.00, 61.20, 51.00, 61.20, 51.00, 3000, 0.5),
                Synthetic.bar("688001.SH", "2022-05-12", 30.60, 31.00, 30.00, 30.80, 30.60, 6000, 1.0),
                Synthetic.bar("688001.SH", "2022-05-13", 31.00, 31.60, 30.90, 31.50, 30.80, 6000, 1.0));
        List<Bar> index = List.of(
                Synthetic.bar("000300.SH", "2022-05-09", 4000, 4000, 4000, 4000, 4000, 1, Double.NaN),
                Synthetic.bar("000300.SH", "2022-05-10", 4040, 4040, 4040, 4040, 4000, 1, Double.NaN),
                Synthetic.bar("000300.SH", "2022-05-11", 4000, 4000, 4000, 4000, 4040, 1, Double.NaN),
                Synthetic.bar("000300.SH", "2022-05-12", 3960, 3960, 3960, 3960, 4000, 1, Double.NaN),
                Synthetic.bar("000300.SH", "2022-05-13", 4080, 4080, 4080, 4080, 3960, 1, Double.NaN));
        Map<TsCode, LocalDate> listed = Map.of(A, LocalDate.of(2000, 1, 4), B, LocalDate.of(2019, 7, 22));
        return BarPanel.of(calendar, stocks, listed::get, (c, d) -> false, index, INDEX);
    }

    static BacktestResult run() {
        TargetWeightsStrategy strategy = TargetWeightsStrategy.of(List.of(
                new Row(LocalDate.of(2022, 5, 9), A, 0.5),
                new Row(LocalDate.of(2022, 5, 9), B, 0.4),
                new Row(LocalDate.of(2022, 5, 11), B, 0.4),
                new Row(LocalDate.of(2022, 5, 12), A, 0.3),
                new Row(LocalDate.of(2022, 5, 12), B, 0.4)));
        BacktestConfig config = BacktestConfig.of(LocalDate.of(2022, 5, 9), LocalDate.of(2022, 5, 13), 100_000)
                .withCosts(CostModel.DEFAULT)
                .withSlippage(new SlippageModel(0.001, 0.1, 0.01));
        return new BacktestEngine(panel(), config).run(strategy);
    }

    @Test
    void filesMatchTheHandComputationToTheCent(@TempDir Path dir) throws IOException {
        BacktestWriter.write(run(), dir, Map.of());

        assertThat(Files.readAllLines(dir.resolve("trades.csv"))).containsExactly(
                "trade_date,ts_code,side,shares,price,value,commission,stamp_duty,transfer_fee,slippage_cost,reason",
                "2022-05-10,600001.SH,buy,5000,10.1815,50907.50,15.27,0.00,0.51,407.50,entry",
                "2022-05-10,688001.SH,buy,800,50.7763,40621.04,12.19,0.00,0.41,221.04,entry",
                "2022-05-12,600001.SH,sell,5000,10.1388,50694.00,15.21,50.69,0.51,306.00,exit");

        assertThat(Files.readAllLines(dir.resolve("equity.csv"))).containsExactly(
                "trade_date,cash,market_value,equity,benchmark,drawdown",
                "2022-05-09,100000.00,0.00,100000.00,100000.00,0.00000000",
                "2022-05-10,8443.08,92800.00,101243.08,101000.00,0.00000000",
                "2022-05-11,8443.08,100460.00,108903.08,100000.00,0.00000000",
                // (108903.08 − 108350.67) / 108903.08 = 552.41 / 108903.08 = 0.0050724914
                "2022-05-12,59070.67,49280.00,108350.67,99000.00,0.00507249",
                "2022-05-13,59070.67,50400.00,109470.67,102000.00,0.00000000");

        assertThat(Files.readAllLines(dir.resolve("rejections.csv"))).containsExactly(
                "trade_date,ts_code,side,shares,reason",
                "2022-05-12,688001.SH,sell,176.4303,lot_size",
                "2022-05-13,688001.SH,sell,192.8484,lot_size", // sells are tried before buys
                "2022-05-13,600001.SH,buy,3100,limit_up");
    }

    @Test
    void metricsOfTheScenario() {
        Metrics m = run().metrics();
        // returns: 1.0124308, 1.07565959.., 0.99492747.., 1.01033671.. − 1
        double[] e = {100000.00, 101243.08, 108903.08, 108350.67, 109470.67};
        double[] r = new double[4];
        for (int i = 1; i < 5; i++) {
            r[i - 1] = e[i] / e[i - 1] - 1;
        }
        assertThat(m.days()).isEqualTo(4);
        assertThat(m.totalReturn()).isCloseTo(0.0947067, within(1e-12));
        assertThat(m.annualReturn()).isCloseTo(Math.pow(1.0947067, 252 / 4.0) - 1, within(1e-9));
        assertThat(m.maxDrawdown()).isCloseTo((108903.08 - 108350.67) / 108903.08, within(1e-15));
        assertThat(m.winRate()).isEqualTo(0.75);
        assertThat(m.benchmarkReturn()).isCloseTo(0.02, within(1e-15));
        assertThat(m.excessReturn()).isCloseTo(0.0747067, within(1e-12));
        // turnover: (50907.50 + 40621.04 + 50694.00) / 2 / mean(equity) · 252 / 4
        double meanEquity = (100000.00 + 101243.08 + 108903.08 + 108350.67 + 109470.67) / 5;
        assertThat(m.turnover()).isCloseTo((50907.50 + 40621.04 + 50694.00) / 2 / meanEquity * 63, within(1e-9));
        double mean = (r[0] + r[1] + r[2] + r[3]) / 4;
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean);
        }
        assertThat(m.sharpe()).isCloseTo(mean / Math.sqrt(var / 3) * Math.sqrt(252), within(1e-9));
    }
}
