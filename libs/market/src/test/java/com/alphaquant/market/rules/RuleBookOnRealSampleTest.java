package com.alphaquant.market.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule book against 388,579 real stock-days of 350 stocks on every board (2018-01-02 to
 * 2023-03-17): every observed move lies inside the band the book says held that day, except on
 * the first sessions after listing (which the book itself knows) and the one known relisting.
 */
class RuleBookOnRealSampleTest {

    private static TradingCalendar calendar;
    private static Map<TsCode, StockBasic> basics;
    private static StHistory stHistory;
    private static LimitBandCheck check;
    private static List<Bar> raw300;

    @BeforeAll
    static void load() {
        calendar = TradeCalCsv.read(SampleData.file("trade_cal_SSE_derived_20160101_20260318.csv.gz"));
        basics = StockBasicCsv.read(SampleData.file("stock_basic_350.csv.gz")).stream()
                .collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
        stHistory = NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE));
        check = new LimitBandCheck(calendar, basics, stHistory);
        raw300 = BarCsv.read(SampleData.file("daily_raw_adj_300_20180102_20221220.csv.gz"));
    }

    @Test
    void everyMoveOfThe350StocksIsInsideItsBandButTheKnownRelisting() {
        List<Bar> bars = BarCsv.read(SampleData.file("daily_qfq_350_20180102_20230317.csv.gz"));
        assertThat(bars).hasSize(388_579);

        List<LimitBandCheck.Violation> violations = bars.stream()
                .map(bar -> check.check(bar, true)).flatMap(java.util.Optional::stream).toList();

        assertThat(violations).extracting(v -> v.bar().tsCode() + " " + v.bar().tradeDate())
                .containsExactly("000792.SZ 2021-08-10");
    }

    @Test
    void rawPricesNeverPassTheExactLimitPricesAndOftenTouchThem() {
        long touchedLimitUp = 0;
        for (Bar bar : raw300) {
            if (bar.tsCode().toString().equals("000792.SZ") && bar.tradeDate().equals(LocalDate.of(2021, 8, 10))) {
                continue; // the known relisting
            }
            assertThat(check.check(bar, false)).as("%s %s", bar.tsCode(), bar.tradeDate()).isEmpty();
            PriceLimit limit = check.limitOn(bar.tsCode(), bar.tradeDate());
            if (limit.isLimited() && bar.close() == limit.limitUpPrice(bar.preClose())) {
                touchedLimitUp++;
            }
        }
        // The band is tight, not merely wide enough: thousands of days close exactly at limit-up.
        assertThat(touchedLimitUp).isGreaterThan(1000);
    }

    @Test
    void stDaysOfTheSampleHaveTheFivePercentBandAndCloseExactlyAtIt() {
        List<Bar> stDays = raw300.stream().filter(b -> stHistory.isSt(b.tsCode(), b.tradeDate())).toList();
        assertThat(stDays).extracting(b -> b.tsCode().toString()).containsOnly("000408.SZ", "000792.SZ", "600150.SH");
        long atLimit = 0;
        for (Bar bar : stDays) {
            PriceLimit limit = check.limitOn(bar.tsCode(), bar.tradeDate());
            assertThat(limit).as("%s %s", bar.tsCode(), bar.tradeDate()).isEqualTo(PriceLimit.symmetric(0.05));
            double up = halfUp(bar.preClose(), 1.05);
            double down = halfUp(bar.preClose(), 0.95);
            assertThat(limit.limitUpPrice(bar.preClose())).isEqualTo(up);
            assertThat(limit.limitDownPrice(bar.preClose())).isEqualTo(down);
            if (bar.close() == up || bar.close() == down) {
                atLimit++;
            }
        }
        // The 5% band is the market's, not merely wide enough: ST days close exactly at it.
        assertThat(atLimit).isGreaterThan(20);
        // 000792.SZ closed at the ST limit-up on 2019-05-06 (7.07 × 1.05 = 7.4235 → 7.42), a day
        // a 10% band would have left far from its limit.
        Bar saltLake = raw300.stream().filter(b -> b.tsCode().toString().equals("000792.SZ")
                && b.tradeDate().equals(LocalDate.of(2019, 5, 6))).findFirst().orElseThrow();
        assertThat(saltLake.close()).isEqualTo(7.42).isEqualTo(check.limitOn(saltLake.tsCode(), saltLake.tradeDate())
                .limitUpPrice(saltLake.preClose()));
        assertThat(check.limitOn(saltLake.tsCode(), LocalDate.of(2019, 4, 29))).isEqualTo(PriceLimit.symmetric(0.10));
    }

    @Test
    void chiNextMovesBeyondTenPercentOnlyAfterTheReform() {
        List<Bar> chinext = raw300.stream()
                .filter(b -> Board.of(b.tsCode()) == Board.CHINEXT)
                .filter(b -> calendar.sessionSinceListing(basics.get(b.tsCode()).listDate(), b.tradeDate()) > 5)
                .toList();
        LocalDate reform = LocalDate.of(2020, 8, 24);
        assertThat(chinext.stream().filter(b -> b.tradeDate().isBefore(reform)).mapToDouble(b -> Math.abs(b.change())).max().orElseThrow())
                .isLessThan(0.11); // 10% plus the limit price's rounding to the cent
        assertThat(chinext.stream().filter(b -> !b.tradeDate().isBefore(reform)).mapToDouble(b -> Math.abs(b.change())).max().orElseThrow())
                .isGreaterThan(0.19);
    }

    @Test
    void fastRoundingEqualsBigDecimalHalfUpOnEveryRealPreClose() {
        Set<Double> preCloses = raw300.stream()
                .map(Bar::preClose).collect(Collectors.toSet());
        for (double preClose : preCloses) {
            for (double fraction : new double[] {0.05, 0.10, 0.20, 0.30}) {
                PriceLimit limit = PriceLimit.symmetric(fraction);
                assertThat(limit.limitUpPrice(preClose)).as("up %s %s", preClose, fraction)
                        .isEqualTo(halfUp(preClose, 1 + fraction));
                assertThat(limit.limitDownPrice(preClose)).as("down %s %s", preClose, fraction)
                        .isEqualTo(halfUp(preClose, 1 - fraction));
            }
        }
    }

    private static double halfUp(double price, double factor) {
        return new BigDecimal(Double.toString(price)).multiply(new BigDecimal(Double.toString(factor)))
                .setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    @Test
    void classifiesTheBoardOfEveryCodeAsStockBasicsMarketColumnSays() {
        Map<String, Set<Board>> expected = Map.of(
                "主板", Set.of(Board.SSE_MAIN, Board.SZSE_MAIN), "创业板", Set.of(Board.CHINEXT),
                "科创板", Set.of(Board.STAR), "北交所", Set.of(Board.BSE));
        Map<String, String> market = new java.util.HashMap<>();
        com.alphaquant.market.csv.TushareCsv.forEachRow(SampleData.file("stock_basic_350.csv.gz"),
                List.of("ts_code", "market"), row -> market.put(row.text("ts_code"), row.text("market")));

        assertThat(market).hasSize(350);
        market.forEach((code, board) ->
                assertThat(expected.get(board)).as(code).contains(Board.of(TsCode.of(code))));
        assertThat(basics.values().stream().collect(Collectors.groupingBy(StockBasic::board, Collectors.counting())))
                .containsEntry(Board.SSE_MAIN, 164L).containsEntry(Board.SZSE_MAIN, 86L)
                .containsEntry(Board.CHINEXT, 52L).containsEntry(Board.STAR, 28L).containsEntry(Board.BSE, 20L);
    }
}
