package com.alphaquant.factor.engine;

import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-built bars for one stock, for tests that need exact, chosen prices. */
final class SyntheticStock {

    private final TsCode code;
    private LocalDate listDate;
    private final List<double[]> rows = new ArrayList<>(); // date, o, h, l, c, pre_close, vol, amount
    private final List<Boolean> st = new ArrayList<>();
    private boolean anySt;

    private SyntheticStock(String code) {
        this.code = TsCode.of(code);
    }

    static SyntheticStock of(String code) {
        return new SyntheticStock(code);
    }

    SyntheticStock listed(LocalDate date) {
        listDate = date;
        return this;
    }

    SyntheticStock bar(LocalDate date, double open, double high, double low, double close, double preClose, double vol,
                       double amount) {
        rows.add(new double[] {DateInts.of(date), open, high, low, close, preClose, vol, amount});
        st.add(false);
        return this;
    }

    /** A bar with the previous close as pre_close and o = h = l = c = close, 1,000 lots traded. */
    SyntheticStock close(LocalDate date, double close) {
        double pre = rows.isEmpty() ? close : rows.get(rows.size() - 1)[4];
        return bar(date, close, close, close, close, pre, 1000, close * 100);
    }

    SyntheticStock markSt() {
        st.set(st.size() - 1, true);
        anySt = true;
        return this;
    }

    StockSeries build() {
        int n = rows.size();
        int[] dates = new int[n];
        double[][] cols = new double[7][n];
        boolean[] stFlags = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            dates[i] = (int) r[0];
            for (int c = 0; c < 7; c++) {
                cols[c][i] = r[c + 1];
            }
            stFlags[i] = st.get(i);
        }
        return new StockSeries(code, Board.of(code), listDate, dates, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5],
                cols[6], null, anySt ? stFlags : null);
    }

    /** {@code count} weekdays from {@code first} on (a calendar without holidays). */
    static List<LocalDate> weekdays(LocalDate first, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; days.size() < count; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** One stock's factors, all 24, with no benchmark, flow or calendar. */
    static FactorPanel compute(StockSeries... stocks) {
        return new FactorEngine(1).compute(new PanelInput(List.of(stocks), null, null, null));
    }
}
