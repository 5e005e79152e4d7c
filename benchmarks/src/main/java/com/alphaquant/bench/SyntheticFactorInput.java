package com.alphaquant.bench;

import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.StockSeries;
import com.alphaquant.market.Board;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.Prices;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A deterministic random-walk panel for the factor engine: weekdays from 2015-01-05, cent
 * prices inside ±10% (main boards) or the ChiNext band of the day, about 1% of days at a limit,
 * 0.5% suspended, an ex-dividend now and then (adjustment factors), a benchmark and a
 * northbound flow with a gap.
 */
final class SyntheticFactorInput {

    private static final LocalDate CHINEXT_REFORM = LocalDate.of(2020, 8, 24);

    private SyntheticFactorInput() {
    }

    static PanelInput of(int stocks, int days, long seed) {
        List<LocalDate> open = new ArrayList<>();
        List<TradingCalendar.Day> calendarDays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2015, 1, 5); open.size() < days; d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            calendarDays.add(new TradingCalendar.Day(d, weekday));
            if (weekday) {
                open.add(d);
            }
        }
        int[] dates = open.stream().mapToInt(DateInts::of).toArray();
        int reform = Arrays.binarySearch(dates, DateInts.of(CHINEXT_REFORM));
        Random random = new Random(seed);
        List<StockSeries> series = new ArrayList<>(stocks);
        for (int s = 0; s < stocks; s++) {
            series.add(randomWalk(code(s, stocks), dates, reform < 0 ? -reform - 1 : reform, random));
        }
        double[] benchmark = new double[days];
        double[] flow = new double[days];
        double level = 3500;
        for (int d = 0; d < days; d++) {
            level *= 1 + random.nextGaussian() * 0.012;
            benchmark[d] = level;
            flow[d] = d % 250 > 240 ? Double.NaN : random.nextGaussian() * 5e9; // a yearly gap without flow
        }
        return new PanelInput(series, new MarketSeries(dates, benchmark), new MarketSeries(dates, flow),
                TradingCalendar.of(calendarDays));
    }

    /** 40% Shanghai main board, 40% Shenzhen main board, 20% ChiNext. */
    private static TsCode code(int s, int stocks) {
        int sh = stocks * 2 / 5;
        int sz = stocks * 4 / 5;
        if (s < sh) {
            return TsCode.of(String.format("%06d.SH", 600000 + s));
        }
        return s < sz ? TsCode.of(String.format("%06d.SZ", 1 + s - sh)) : TsCode.of(String.format("%06d.SZ", 300001 + s - sz));
    }

    private static StockSeries randomWalk(TsCode code, int[] calendar, int reformRow, Random random) {
        int days = calendar.length;
        Board board = Board.of(code);
        int[] date = new int[days];
        double[] o = new double[days], h = new double[days], l = new double[days], c = new double[days];
        double[] pc = new double[days], v = new double[days], a = new double[days], f = new double[days];
        double close = Prices.roundHalfUpToCent(5 + random.nextDouble() * 45);
        double factor = 1.0;
        int n = 0;
        for (int d = 0; d < days; d++) {
            if (random.nextInt(200) == 0) {
                continue; // suspended: no bar
            }
            double preClose = close;
            if (random.nextInt(500) == 0 && close > 2) { // ex-dividend of 1%
                preClose = Prices.roundHalfUpToCent(close * 0.99);
                factor *= close / preClose; // Tushare adj_factor grows on an ex-date
            }
            double band = board == Board.CHINEXT && d >= reformRow ? 0.2 : 0.1;
            double up = Prices.roundHalfUpToCent(preClose * (1 + band));
            double down = Prices.roundHalfUpToCent(preClose * (1 - band));
            int draw = random.nextInt(200);
            double move = random.nextGaussian() * 0.02;
            close = draw == 0 ? up : draw == 1 ? down : clamp(Prices.roundHalfUpToCent(preClose * (1 + move)), down, up);
            close = Math.max(close, 0.5);
            double opening = Math.max(0.5, clamp(Prices.roundHalfUpToCent(preClose * (1 + random.nextGaussian() * 0.008)), down, up));
            double top = Math.max(opening, close);
            double bottom = Math.min(opening, close);
            date[n] = calendar[d];
            o[n] = opening;
            c[n] = close;
            h[n] = clamp(Prices.roundHalfUpToCent(top * (1 + random.nextDouble() * 0.01)), top, Math.max(up, top));
            l[n] = Math.max(0.01, Math.min(bottom, Prices.roundHalfUpToCent(bottom * (1 - random.nextDouble() * 0.01))));
            pc[n] = preClose;
            v[n] = Math.round(20_000 + random.nextDouble() * 200_000);
            a[n] = v[n] * (opening + close) / 2 / 10;
            f[n] = factor;
            n++;
        }
        // Adjustment relative to the latest factor, as adj_factor_rel is.
        for (int i = 0; i < n; i++) {
            f[i] /= factor;
        }
        return new StockSeries(code, board, LocalDate.of(2010, 1, 4), Arrays.copyOf(date, n), Arrays.copyOf(o, n),
                Arrays.copyOf(h, n), Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(pc, n), Arrays.copyOf(v, n),
                Arrays.copyOf(a, n), Arrays.copyOf(f, n), null);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
