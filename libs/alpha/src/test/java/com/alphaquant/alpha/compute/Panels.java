package com.alphaquant.alpha.compute;

import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.StockSeries;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.model.dataset.BundledDataset;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** Panels for tests: the real 30-stock sample (read once per JVM) and hand-made stocks. */
public final class Panels {

    private static AlphaPanel mini;

    private Panels() {
    }

    /** The 30 stocks of the sample, 2021-01-04 to 2022-12-20, with its index, calendar and flow. */
    public static synchronized AlphaPanel mini() {
        if (mini == null) {
            mini = AlphaPanel.compute(BundledDataset.panelInput(BarCsv.read(SampleData.file(SampleData.BARS_MINI_30))), 2);
        }
        return mini;
    }

    /**
     * A stock with the given closes on consecutive weekdays from {@code first}: open = close,
     * high = close · 1.01, low = close · 0.99 unless {@code flat[i]} (then all four equal, so that
     * the day's range is 0), volume from {@code vol}.
     */
    public static StockSeries stock(String code, LocalDate first, double[] close, double[] vol, boolean[] flat) {
        int n = close.length;
        int[] dates = new int[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] pre = new double[n];
        double[] amount = new double[n];
        LocalDate d = first;
        for (int i = 0; i < n; i++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            dates[i] = DateInts.of(d);
            d = d.plusDays(1);
            boolean f = flat != null && flat[i];
            high[i] = f ? close[i] : close[i] * 1.01;
            low[i] = f ? close[i] : close[i] * 0.99;
            pre[i] = i == 0 ? close[i] : close[i - 1];
            amount[i] = vol[i] * close[i] / 10;
        }
        TsCode ts = TsCode.of(code);
        return new StockSeries(ts, Board.of(ts), null, dates, close.clone(), high, low, close.clone(), pre, vol.clone(), amount,
                null, null);
    }

    /** The panel of hand-made stocks (no index, flow or calendar). */
    public static AlphaPanel of(StockSeries... stocks) {
        return AlphaPanel.compute(new PanelInput(List.of(stocks), null, null, null), 1);
    }
}
