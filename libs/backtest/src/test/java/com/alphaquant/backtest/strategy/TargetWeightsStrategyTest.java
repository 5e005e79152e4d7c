package com.alphaquant.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.Synthetic;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.BarPanel;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.engine.SlippageModel;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.CsvFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetWeightsStrategyTest {

    private static final TradingCalendar CALENDAR = Synthetic.weekdays(LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 31));

    private static BarPanel panel() {
        List<Bar> bars = new ArrayList<>();
        for (String d : new String[] {"2022-05-09", "2022-05-10", "2022-05-11", "2022-05-12", "2022-05-13", "2022-05-16", "2022-05-17"}) {
            bars.add(Synthetic.flat("600001.SH", d, 10, 10, 10000));
            bars.add(Synthetic.flat("000001.SZ", d, 20, 20, 10000));
        }
        return BarPanel.of(CALENDAR, bars, c -> LocalDate.of(2000, 1, 4), (c, d) -> false, null, null);
    }

    private static BacktestResult run(TargetWeightsStrategy s, String from) {
        return new BacktestEngine(panel(), BacktestConfig.of(LocalDate.parse(from), LocalDate.of(2022, 5, 17), 1_000_000)
                .withSlippage(SlippageModel.NONE)).run(s);
    }

    @Test
    void readsTushareOrIsoDatesAndAppliesEachDateAtItsCloseHoldingInBetween(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.csv");
        Files.writeString(file, "trade_date,ts_code,weight\n"
                + "20220509,600001.SH,0.5\n"
                + "2022-05-09,000001.SZ,0.25\n"
                + "2022-05-14,000001.SZ,0.5\n"); // a Saturday: applies at Monday 05-16's close
        TargetWeightsStrategy s = TargetWeightsStrategy.read(file);
        assertThat(s.stocks()).containsExactly(TsCode.of("600001.SH"), TsCode.of("000001.SZ"));
        assertThat(s.firstDate()).isEqualTo(LocalDate.of(2022, 5, 9));
        BacktestResult r = run(s, "2022-05-09");
        assertThat(r.fills()).extracting(f -> f.date() + " " + f.side() + " " + f.code() + " " + f.shares()).containsExactly(
                "2022-05-10 BUY 000001.SZ 12500.0",
                "2022-05-10 BUY 600001.SH 50000.0",
                "2022-05-17 SELL 600001.SH 50000.0",
                "2022-05-17 BUY 000001.SZ 12400.0"); // equity after fees is a little under 1,000,000
    }

    @Test
    void aRunStartingBetweenDatesUsesTheLatestWeightsDatedBeforeIt() {
        TargetWeightsStrategy s = TargetWeightsStrategy.of(List.of(
                new TargetWeightsStrategy.Row(LocalDate.of(2022, 5, 2), TsCode.of("600001.SH"), 0.3)));
        BacktestResult r = run(s, "2022-05-11");
        assertThat(r.fills()).extracting(Fill::date, Fill::shares)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2022, 5, 12), 30_000.0));
        // the same instance runs again from the start
        assertThat(run(s, "2022-05-11").fills()).hasSize(1);
    }

    @Test
    void badFilesFailNamingTheProblem(@TempDir Path dir) throws IOException {
        Path negative = dir.resolve("neg.csv");
        Files.writeString(negative, "trade_date,ts_code,weight\n20220509,600001.SH,-0.1\n");
        assertThatThrownBy(() -> TargetWeightsStrategy.read(negative)).isInstanceOf(CsvFormatException.class)
                .hasMessage("neg.csv line 2: weight must be a finite number >= 0 (long only), got -0.1");

        Path over = dir.resolve("over.csv");
        Files.writeString(over, "trade_date,ts_code,weight\n20220509,600001.SH,0.7\n20220509,000001.SZ,0.4\n");
        assertThatThrownBy(() -> TargetWeightsStrategy.read(over)).hasMessageContaining("2022-05-09 add up to 1.1");

        Path twice = dir.resolve("twice.csv");
        Files.writeString(twice, "trade_date,ts_code,weight\n20220509,600001.SH,0.1\n20220509,600001.SH,0.2\n");
        assertThatThrownBy(() -> TargetWeightsStrategy.read(twice)).hasMessage("Weights name 600001.SH twice on 2022-05-09");

        Path header = dir.resolve("header.csv");
        Files.writeString(header, "date,code,w\n");
        assertThatThrownBy(() -> TargetWeightsStrategy.read(header)).hasMessageContaining("header lacks column 'trade_date'");

        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "trade_date,ts_code,weight\n20220509,600519.SH,0.1\n");
        assertThatThrownBy(() -> run(TargetWeightsStrategy.read(unknown), "2022-05-09"))
                .hasMessage("Weights on 2022-05-09 name 600519.SH, which is not in the backtest's universe (no bars for it)");
    }

    @Test
    void buyAndHoldBuysOnceWithEqualWeights() {
        BacktestResult r = new BacktestEngine(panel(), BacktestConfig.of(LocalDate.of(2022, 5, 9), LocalDate.of(2022, 5, 17), 1_000_000)
                .withSlippage(SlippageModel.NONE)).run(new BuyAndHoldStrategy(List.of(TsCode.of("600001.SH"), TsCode.of("000001.SZ"))));
        // 1,000,000 × 0.5 / 10 = 50,000 sh and / 20 = 25,000 sh, but fees need cash: scaled down one lot each
        assertThat(r.fills()).extracting(Fill::code, Fill::shares).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(TsCode.of("600001.SH"), 49_900.0),
                org.assertj.core.groups.Tuple.tuple(TsCode.of("000001.SZ"), 24_900.0));
        assertThat(r.fills()).allMatch(f -> f.date().equals(LocalDate.of(2022, 5, 10)));
    }
}
