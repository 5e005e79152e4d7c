package com.alphaquant.factor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LIMIT_NET20 on hand-built raw prices: closes at exactly the limit prices of the band in force
 * that day (SPEC section 1), ChiNext before and after its 2020-08-24 reform, new listings, ST.
 */
class LimitNet20Test {

    /** 45 weekdays from Monday 2020-07-27; row 20 is 2020-08-24, the first day of ChiNext's ±20%. */
    private static final List<LocalDate> DAYS = SyntheticStock.weekdays(LocalDate.of(2020, 7, 27), 45);

    @Test
    void chiNextCountsTenPercentClosesBeforeTheReformAndTwentyPercentClosesAfter() {
        assertThat(DAYS.get(20)).isEqualTo(LocalDate.of(2020, 8, 24));
        double[] closes = flat(45, 10.00);
        move(closes, 3, 11.00);   // +10%: limit-up under the old ±10%
        move(closes, 7, 9.90);    // −10% from 11.00: limit-down
        move(closes, 22, 10.89);  // +10% after the reform: no longer a limit
        move(closes, 25, 13.07);  // +20% of 10.89 = 13.068 → 13.07 (half-up to the cent)
        move(closes, 30, 10.46);  // −20% of 13.07 = 10.456 → 10.46
        StockSeries chinext = stock("300001.SZ", LocalDate.of(2009, 10, 30), DAYS, 10.00, closes);
        double[] net = SyntheticStock.compute(chinext).values("LIMIT_NET20", chinext.code());

        assertThat(net[18]).isNaN();
        assertThat(net[19]).isEqualTo(0);   // rows 0-19: +1 (row 3) −1 (row 7)
        assertThat(net[23]).isEqualTo(-1);  // rows 4-23: row 7 only; row 22 is not a limit
        assertThat(net[26]).isEqualTo(0);   // rows 7-26: −1 +1
        assertThat(net[27]).isEqualTo(1);   // rows 8-27: row 25
        assertThat(net[30]).isEqualTo(0);   // rows 11-30: +1 −1
        assertThat(net[44]).isEqualTo(0);   // rows 25-44
    }

    @Test
    void theSameTenPercentCloseAfterAugust24CountsOnTheMainBoard() {
        double[] closes = flat(24, 10.00);
        move(closes, 3, 11.00);
        move(closes, 7, 9.90);
        move(closes, 22, 10.89);
        StockSeries main = stock("000001.SZ", LocalDate.of(1991, 4, 3), DAYS.subList(0, 24), 10.00, closes);
        StockSeries chinext = stock("300001.SZ", LocalDate.of(2009, 10, 30), DAYS.subList(0, 24), 10.00, closes);
        FactorPanel p = SyntheticStock.compute(main, chinext);
        assertThat(p.values("LIMIT_NET20", main.code())[23]).isEqualTo(0);     // −1 (row 7) +1 (row 22)
        assertThat(p.values("LIMIT_NET20", chinext.code())[23]).isEqualTo(-1);
    }

    /** A ChiNext listing after the reform has no limit for its first 5 sessions. */
    @Test
    void aNewChiNextListingHasNoLimitForFiveSessions() {
        List<LocalDate> days = DAYS.subList(20, 45); // listed on 2020-08-24
        double[] closes = flat(25, 30.00);
        move(closes, 1, 36.00);  // +20% on session 2: no limit yet
        move(closes, 6, 43.20);  // +20% on session 7: limit-up
        StockSeries s = stock("300999.SZ", days.get(0), days, 25.00, closes);
        double[] net = SyntheticStock.compute(s).values("LIMIT_NET20", s.code());
        assertThat(net[19]).isEqualTo(1);
    }

    /**
     * Sessions count on the exchange calendar when there is one: a stock suspended on its third
     * session closes +20% on its fifth bar, which is its sixth session (limited), and only the
     * calendar knows.
     */
    @Test
    void aCalendarCountsSessionsTheStockWasSuspendedFor() {
        List<LocalDate> open = DAYS.subList(20, 45);
        List<LocalDate> traded = new ArrayList<>(open);
        traded.remove(2);
        double[] closes = flat(24, 30.00);
        move(closes, 4, 36.00);
        StockSeries s = stock("300999.SZ", open.get(0), traded, 25.00, closes);

        double[] withoutCalendar = SyntheticStock.compute(s).values("LIMIT_NET20", s.code());
        List<TradingCalendar.Day> calendarDays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2020, 8, 1); d.isBefore(LocalDate.of(2020, 12, 31)); d = d.plusDays(1)) {
            calendarDays.add(new TradingCalendar.Day(d, d.getDayOfWeek().getValue() <= 5));
        }
        double[] withCalendar = new FactorEngine(1).compute(new PanelInput(List.of(s), null, null,
                TradingCalendar.of(calendarDays))).values("LIMIT_NET20", s.code());

        assertThat(withoutCalendar[19]).isEqualTo(0);
        assertThat(withCalendar[19]).isEqualTo(1);
    }

    @Test
    void anStStockOnTheMainBoardHitsItsFivePercentLimit() {
        List<LocalDate> days = SyntheticStock.weekdays(LocalDate.of(2021, 3, 1), 20);
        SyntheticStock st = SyntheticStock.of("600000.SH").listed(LocalDate.of(1999, 11, 10));
        SyntheticStock plain = SyntheticStock.of("600004.SH").listed(LocalDate.of(2003, 4, 28));
        for (int i = 0; i < 20; i++) {
            double close = i == 5 ? 10.50 : 10.00;
            double pre = i == 6 ? 10.50 : 10.00;
            st.bar(days.get(i), pre, Math.max(pre, close), Math.min(pre, close), close, pre, 100, 100).markSt();
            plain.bar(days.get(i), pre, Math.max(pre, close), Math.min(pre, close), close, pre, 100, 100);
        }
        // Row 6 falls from 10.50 to 10.00: −4.76%, inside the ST band too.
        FactorPanel p = SyntheticStock.compute(st.build(), plain.build());
        assertThat(p.values("LIMIT_NET20", com.alphaquant.market.TsCode.of("600000.SH"))[19]).isEqualTo(1);
        assertThat(p.values("LIMIT_NET20", com.alphaquant.market.TsCode.of("600004.SH"))[19]).isEqualTo(0);
    }

    /** A STAR bar before the board existed: the rule book has no answer, so no count either. */
    @Test
    void daysTheRuleBookCannotAnswerGiveNaN() {
        List<LocalDate> days = SyntheticStock.weekdays(LocalDate.of(2019, 6, 3), 60); // to 2019-08-23
        StockSeries s = stock("688001.SH", null, days, 10.00, flat(60, 10.00));
        double[] net = SyntheticStock.compute(s).values("LIMIT_NET20", s.code());
        int firstStarDay = days.indexOf(LocalDate.of(2019, 7, 22));
        assertThat(net[firstStarDay + 18]).isNaN();
        assertThat(net[firstStarDay + 19]).isEqualTo(0);
        assertThat(SyntheticStock.compute(s).values("RSI14", s.code())[20]).isEqualTo(50); // the rest is unaffected
    }

    private static double[] flat(int n, double close) {
        double[] c = new double[n];
        java.util.Arrays.fill(c, close);
        return c;
    }

    /** Row {@code row} closes at {@code close} and so do the rows after it. */
    private static void move(double[] closes, int row, double close) {
        for (int i = row; i < closes.length; i++) {
            closes[i] = close;
        }
    }

    /** O = H = L = C bars; pre_close is the previous close ({@code firstPreClose} on the first row). */
    private static StockSeries stock(String code, LocalDate listed, List<LocalDate> days, double firstPreClose,
                                     double[] closes) {
        SyntheticStock b = SyntheticStock.of(code).listed(listed);
        for (int i = 0; i < days.size(); i++) {
            double pre = i == 0 ? firstPreClose : closes[i - 1];
            b.bar(days.get(i), closes[i], closes[i], closes[i], closes[i], pre, 100, 100);
        }
        return b.build();
    }
}
