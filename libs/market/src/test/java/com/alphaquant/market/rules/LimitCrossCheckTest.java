package com.alphaquant.market.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.NameChange;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import com.alphaquant.market.rules.LimitCrossCheck.Report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A hand-made week (2021-03-01 to 03-05, all open) of four stocks whose exchange limits agree
 * with the rule book except where a mismatch is planted; every expected price below is worked
 * out by hand from pre_close × (1 ± band), rounded half-up to the cent.
 */
class LimitCrossCheckTest {

    private static final TsCode PUFA = TsCode.of("600000.SH");   // SSE main, ±10%
    private static final TsCode SALT = TsCode.of("000792.SZ");   // SZSE main, *ST (±5%) until 03-03
    private static final TsCode CATL = TsCode.of("300750.SZ");   // ChiNext, ±20%
    private static final TsCode NEW = TsCode.of("688981.SH");    // STAR, listed 03-01: five sessions unlimited
    private static final TsCode ICBC = TsCode.of("601398.SH");   // no exchange rows at all: out of scope

    private static LocalDate day(int d) {
        return LocalDate.of(2021, 3, d);
    }

    private static Bar bar(TsCode code, int d, double preClose) {
        return new Bar(code, day(d), preClose, preClose, preClose, preClose, preClose, 1000, 1000, Double.NaN);
    }

    private static ExchangeLimit ex(TsCode code, int d, double preClose, double up, double down) {
        return new ExchangeLimit(code, day(d), preClose, up, down);
    }

    private static LimitCrossCheck check() {
        TradingCalendar calendar = TradingCalendar.of(Stream.iterate(day(1), x -> x.plusDays(1)).limit(5)
                .map(x -> new TradingCalendar.Day(x, true)).toList());
        Map<TsCode, StockBasic> basics = Map.of(
                PUFA, new StockBasic(PUFA, "浦发银行", "银行", LocalDate.of(1999, 11, 10), Board.SSE_MAIN),
                SALT, new StockBasic(SALT, "盐湖股份", "农药化肥", LocalDate.of(1997, 9, 4), Board.SZSE_MAIN),
                CATL, new StockBasic(CATL, "宁德时代", "电气设备", LocalDate.of(2018, 6, 11), Board.CHINEXT),
                NEW, new StockBasic(NEW, "新股", "半导体", day(1), Board.STAR),
                ICBC, new StockBasic(ICBC, "工商银行", "银行", LocalDate.of(2006, 10, 27), Board.SSE_MAIN));
        StHistory st = StHistory.of(List.of(new NameChange(SALT, "*ST盐湖", LocalDate.of(2019, 4, 30), day(3)),
                new NameChange(SALT, "盐湖股份", day(4), null)));
        return new LimitCrossCheck(new LimitBandCheck(calendar, basics, st));
    }

    private static List<Bar> bars() {
        return List.of(
                bar(PUFA, 1, 10.00), bar(PUFA, 2, 10.05), bar(PUFA, 3, 10.20), bar(PUFA, 5, 10.20), // 03-04 suspended
                bar(SALT, 1, 7.07), bar(SALT, 2, 7.42), bar(SALT, 3, 7.79), bar(SALT, 4, 8.18), bar(SALT, 5, 9.00),
                bar(CATL, 1, 400.00), bar(CATL, 2, 388.88), bar(CATL, 3, 377.77),
                bar(NEW, 1, 50.00), bar(NEW, 2, 50.00), bar(NEW, 3, 50.00), bar(NEW, 4, 50.00), bar(NEW, 5, 50.00),
                bar(ICBC, 1, 5.00), bar(ICBC, 2, 5.00));
    }

    /** The exchange's rows where it agrees with the book, each worked out by hand. */
    private static List<ExchangeLimit> agreeing() {
        return List.of(
                ex(PUFA, 1, 10.00, 11.00, 9.00),
                ex(PUFA, 2, 10.05, 11.06, 9.05),      // 11.055 → 11.06, 9.045 → 9.05
                ex(PUFA, 3, 10.20, 11.22, 9.18),
                ex(PUFA, 4, 10.20, 11.22, 9.18),      // suspended: no bar to compare with
                ex(PUFA, 5, 10.20, 11.22, 9.18),
                ex(SALT, 1, 7.07, 7.42, 6.72),        // ST ±5%: 7.4235 → 7.42, 6.7165 → 6.72
                ex(SALT, 2, 7.42, 7.79, 7.05),        // 7.791 → 7.79, 7.049 → 7.05
                ex(SALT, 3, 7.79, 8.18, 7.40),        // 8.1795 → 8.18, 7.4005 → 7.40
                ex(SALT, 4, 8.18, 9.00, 7.36),        // ST lifted: ±10%, 8.998 → 9.00, 7.362 → 7.36
                ex(SALT, 5, 9.00, 9.90, 8.10),
                ex(CATL, 1, 400.00, 480.00, 320.00),
                ex(CATL, 2, 388.88, 466.66, 311.10),  // 466.656 → 466.66, 311.104 → 311.10
                ex(CATL, 3, 377.77, 453.32, 302.22)); // 453.324 → 453.32, 302.216 → 302.22
    }

    @Test
    void whereTheExchangeAgreesNothingIsReported() {
        Report report = check().check(bars(), agreeing());
        // 688981.SH has no exchange row and 601398.SH neither: both out of scope.
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.checked()).isEqualTo(12);
        assertThat(report.agreed()).isEqualTo(12);
        assertThat(report.exchangeRowsWithoutBar()).isEqualTo(1);
    }

    @Test
    void findsExactlyThePlantedMismatches() {
        List<ExchangeLimit> rows = new ArrayList<>(agreeing());
        // 1. half-down instead of half-up on 11.055
        rows.set(1, ex(PUFA, 2, 10.05, 11.05, 9.05));
        // 2. the exchange's previous close after an ex-date is not the bar's
        rows.set(2, ex(PUFA, 3, 10.00, 11.00, 9.00));
        // 3. the exchange applies ±10% on an ST day (a missing ST episode on one side)
        rows.set(6, ex(SALT, 2, 7.42, 8.16, 6.68));
        // 4. no exchange limit on the relisting day 03-05
        rows.remove(9);
        // 5. a limit on a STAR listing session the book leaves unlimited
        rows.add(ex(NEW, 3, 50.00, 60.00, 40.00));

        Report report = check().check(bars(), rows);

        List<String> found = report.mismatches().stream().map(m -> m.tsCode() + " " + m.tradeDate() + " " + m.bound() + " "
                + m.ours() + " " + m.exchange() + " " + m.reason()).toList();
        report.mismatches().forEach(m -> System.out.println("mismatch " + m));
        System.out.printf("checked %d agreed %d exchangeRowsWithoutBar %d mismatches %d%n", report.checked(), report.agreed(),
                report.exchangeRowsWithoutBar(), report.mismatches().size());
        assertThat(found).containsExactly(
                "000792.SZ 2021-03-02 UP 7.79 8.16 BAND",
                "000792.SZ 2021-03-02 DOWN 7.05 6.68 BAND",
                "600000.SH 2021-03-02 UP 11.06 11.05 ROUNDING",
                "600000.SH 2021-03-03 UP 11.22 11.0 PRE_CLOSE",
                "600000.SH 2021-03-03 DOWN 9.18 9.0 PRE_CLOSE",
                "688981.SH 2021-03-03 UP null 60.0 BOOK_UNLIMITED",
                "688981.SH 2021-03-03 DOWN null 40.0 BOOK_UNLIMITED",
                "000792.SZ 2021-03-05 UP 9.9 null EXCHANGE_UNLIMITED",
                "000792.SZ 2021-03-05 DOWN 8.1 null EXCHANGE_UNLIMITED");
        // 688981.SH is in scope now: its five sessions are checked, four agree (no limit either side).
        assertThat(report.checked()).isEqualTo(17);
        assertThat(report.agreed()).isEqualTo(17 - 5);
        assertThat(report.exchangeRowsWithoutBar()).isEqualTo(1);
        assertThat(report.mismatches().get(0).detail()).contains("+5.00% of pre_close 7.42 = 7.79", "exchange 8.16 (+9.97%");
    }

    @Test
    void twoRowsForOneStockDayAreRefused() {
        List<ExchangeLimit> rows = new ArrayList<>(agreeing());
        rows.add(ex(PUFA, 1, 10.00, 11.00, 9.00));
        assertThatThrownBy(() -> check().check(bars(), rows)).hasMessageContaining("600000.SH on 2021-03-01");
        assertThatThrownBy(() -> ex(PUFA, 1, 10.00, 9.00, 11.00)).hasMessageContaining("0 < down <= up");
    }
}
