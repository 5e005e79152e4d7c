package com.alphaquant.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.TsCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample-CSV source and {@link MarketData} over it: what a run loads, and how bad requests for data fail. */
class BundledSampleBarSourceTest {

    private static final BundledSampleBarSource SOURCE = new BundledSampleBarSource(Sample.dir(), "daily_raw_adj_*.csv*");
    private static final MarketData DATA = new MarketData(SOURCE);

    private static BacktestSpec spec(String start, String end, List<String> stocks, String benchmark) {
        return BacktestSpec.builder().strategy("buy_and_hold").startDate(start).endDate(end).stocks(stocks).benchmark(benchmark)
                .build(BacktestSpec.Dialect.JSON);
    }

    @Test
    void readsTheRawDailyFileAndSlicesByDate() {
        TsCode code = TsCode.of("600000.SH");
        LocalDate from = LocalDate.of(2022, 1, 4);
        LocalDate to = LocalDate.of(2022, 1, 31);
        assertThat(SOURCE.bars(code, from, to)).isEqualTo(Sample.stocks().get(code).stream()
                .filter(b -> !b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to)).toList());
        assertThat(SOURCE.indexBars(Sample.CSI300, from, to)).hasSize(19);
        assertThat(SOURCE.listDates()).hasSize(350);
        assertThat(SOURCE.describe()).endsWith("daily_raw_adj_300_20180102_20221220.csv.gz");
    }

    @Test
    void loadsAPanelOfTheNamedStocksWithTheBenchmark() {
        MarketData.Loaded loaded = DATA.load(spec("2022-01-04", "2022-12-20", List.of("600000.SH", "600519.SH"), null), null, f -> { });
        assertThat(loaded.panel().codes()).containsExactly(TsCode.of("600000.SH"), TsCode.of("600519.SH"));
        assertThat(loaded.panel().benchmarkCode()).isEqualTo(Sample.CSI300);
        assertThat(loaded.panel().firstDay()).isEqualTo(LocalDate.of(2022, 1, 4));
        assertThat(loaded.panel().lastDay()).isEqualTo(LocalDate.of(2022, 12, 20));
        assertThat(loaded.stocks()).isEqualTo(2);
    }

    @Test
    void theWeightsNameTheUniverse() {
        TargetWeightsStrategy weights = TargetWeightsStrategy.of(List.of(
                new TargetWeightsStrategy.Row(LocalDate.of(2022, 1, 4), TsCode.of("000001.SZ"), 0.5)));
        BacktestSpec spec = BacktestSpec.builder().strategy("target_weights").weightsGiven(true).startDate("2022-01-04")
                .endDate("2022-02-28").build(BacktestSpec.Dialect.JSON);
        assertThat(DATA.load(spec, weights, f -> { }).panel().codes()).containsExactly(TsCode.of("000001.SZ"));
    }

    @Test
    void dataProblemsNameTheStocksTheRangeAndTheSource() {
        assertThatThrownBy(() -> DATA.load(spec("2022-01-04", "2022-06-30", List.of("600000.SH", "999999.SH"), null), null, f -> { }))
                .hasMessageStartingWith("Unknown stock 999999.SH: not among the 350 securities of files ");
        assertThatThrownBy(() -> DATA.load(spec("2023-01-04", "2023-06-30", List.of("600000.SH"), null), null, f -> { }))
                .hasMessageStartingWith("No bars between 2023-01-04 and 2023-06-30 for 600000.SH in files ");
        assertThatThrownBy(() -> DATA.load(spec("2022-01-04", "2022-06-30", List.of("600000.SH"), "000905.SH"), null, f -> { }))
                .hasMessageStartingWith("No bars of benchmark 000905.SH between 2022-01-04 and 2022-06-30 in files ");
    }

    @Test
    void aMissingOrAmbiguousFolderIsNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new BundledSampleBarSource(null, "daily_raw_adj_*.csv*"))
                .hasMessageContaining("alphaquant.backtest.sample-dir must name the folder");
        Files.writeString(dir.resolve("daily_raw_adj_a.csv"), "x");
        Files.writeString(dir.resolve("daily_raw_adj_b.csv"), "x");
        assertThatThrownBy(() -> new BundledSampleBarSource(dir, "daily_raw_adj_*.csv*").listDates())
                .hasMessageContaining("has 2 files matching daily_raw_adj_*.csv* [daily_raw_adj_a.csv, daily_raw_adj_b.csv]");
    }

    @Test
    void anIndustryNeutralRunGetsStockBasicsIndustriesAndOthersNone() {
        BacktestSpec neutral = BacktestSpec.builder().strategy("multi_factor").startDate("2022-01-04").endDate("2022-06-30")
                .stocks(List.of("600000.SH", "000001.SZ", "600519.SH")).strategyParameters(java.util.Map.of("industry_neutral", 1.0))
                .build(BacktestSpec.Dialect.JSON);
        java.util.Map<String, String> industries = DATA.load(neutral, null, f -> { }).panel().industries()
                .asOf(LocalDate.of(2022, 3, 1));
        // stock_basic: both banks (银行), Moutai 白酒; 330 of the 350 stocks have an industry.
        assertThat(industries).hasSize(330);
        assertThat(industries.get("600000.SH")).isEqualTo(industries.get("000001.SZ")).isNotEqualTo(industries.get("600519.SH"));
        BacktestSpec plain = BacktestSpec.builder().strategy("multi_factor").startDate("2022-01-04").endDate("2022-06-30")
                .stocks(List.of("600000.SH")).build(BacktestSpec.Dialect.JSON);
        assertThat(DATA.load(plain, null, f -> { }).panel().industries().memberships()).isEmpty();
    }
}
