package com.alphaquant.factor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC section 3's special cases and warm-up rules, on hand-built bars. */
class SpecialCasesTest {

    private static final LocalDate START = LocalDate.of(2021, 3, 1);

    @Test
    void aBarWithHighEqualToLowHasZeroPressureAndFomo() {
        StockSeries s = SyntheticStock.of("600000.SH")
                .bar(START, 10.0, 10.0, 10.0, 10.0, 9.5, 100, 100).build();
        FactorPanel p = SyntheticStock.compute(s);
        assertThat(p.values("PRESSURE", s.code())[0]).isZero();
        assertThat(p.values("FOMO", s.code())[0]).isZero();
        assertThat(p.values("AMP", s.code())[0]).isZero();
    }

    @Test
    void pressureAndFomoOnAnOrdinaryBar() {
        // o 10, h 11, l 9.5, c 10.9: ((1.4) − (0.1)) / 1.5 and 0.9 / 1.5; AMP on raw pre_close 10.
        StockSeries s = SyntheticStock.of("600000.SH")
                .bar(START, 10.0, 11.0, 9.5, 10.9, 10.0, 100, 100).build();
        FactorPanel p = SyntheticStock.compute(s);
        assertThat(p.values("PRESSURE", s.code())[0]).isCloseTo(1.3 / 1.5, within(1e-12));
        assertThat(p.values("FOMO", s.code())[0]).isCloseTo(0.9 / 1.5, within(1e-12));
        assertThat(p.values("AMP", s.code())[0]).isCloseTo(0.15, within(1e-12));
    }

    /**
     * 40 equal closes at 0.1, a price whose computed 20-day mean is not 0.1 (so a computed std is
     * about 1e-17, not 0): every "when it is 0" case of SPEC must still apply exactly.
     */
    @Test
    void flatPricesTakeEverySpecialValue() {
        double sum = 0;
        for (int i = 0; i < 20; i++) {
            sum += 0.1;
        }
        assertThat(sum / 20).isNotEqualTo(0.1); // the premise: naive std would not be 0

        SyntheticStock b = SyntheticStock.of("600000.SH");
        SyntheticStock.weekdays(START, 70).forEach(d -> b.close(d, 0.1));
        StockSeries s = b.build();
        FactorPanel p = SyntheticStock.compute(s);

        assertFrom(p, s, "RSI14", 14, 50.0);
        assertFrom(p, s, "BOLL_PCTB", 19, 0.5);
        assertFrom(p, s, "BOLL_WIDTH", 19, 0.0);
        assertFrom(p, s, "KDJ_K", 8, 50.0);
        assertFrom(p, s, "CCI20", 19, 0.0);
        assertFrom(p, s, "WILLR14", 13, -50.0);
        assertFrom(p, s, "MFI14", 14, 50.0);
        assertFrom(p, s, "VOL20", 20, 0.0);
        assertFrom(p, s, "ATR14", 14, 0.0);
        assertFrom(p, s, "MOM20", 20, 0.0);
        assertFrom(p, s, "MOM60", 60, 0.0);
        assertNear(p, s, "MACD_HIST", 33, 0.0); // EMAs of equal values drift by ulps: not a special case
        assertFrom(p, s, "RET", 1, 0.0);
        assertFrom(p, s, "ILLIQ20", 20, 0.0);
        assertFrom(p, s, "VOLUME_RATIO", 5, 1.0);
        assertFrom(p, s, "LIMIT_NET20", 19, 0.0);
        for (double dev : tail(p.values("DEV20", s.code()), 19)) {
            assertThat(dev).isCloseTo(0.0, within(1e-15)); // c / mean − 1 with the mean an ulp off
        }
    }

    @Test
    void zeroVolumeHasNoVwapAndNoAmihudAndNoVolumeRatioAfterFiveSilentDays() {
        SyntheticStock b = SyntheticStock.of("600000.SH");
        List<LocalDate> days = SyntheticStock.weekdays(START, 50);
        for (int i = 0; i < days.size(); i++) {
            double c = 10 + 0.1 * (i % 7);
            boolean silent = i >= 30 && i < 35;
            b.bar(days.get(i), c, c + 0.2, c - 0.2, c, 10, silent ? 0 : 1000 + i, silent ? 0 : (1000 + i) * c / 10);
        }
        StockSeries s = b.build();
        FactorPanel p = SyntheticStock.compute(s);
        double[] vwap = p.values("VWAP_DEV", s.code());
        double[] illiq = p.values("ILLIQ20", s.code());
        double[] ratio = p.values("VOLUME_RATIO", s.code());
        double[] mfi = p.values("MFI14", s.code());
        for (int i = 0; i < 50; i++) {
            boolean silent = i >= 30 && i < 35;
            assertThat(Double.isNaN(vwap[i])).as("VWAP_DEV row %d", i).isEqualTo(silent);
            // Any window holding a day without amount has no Amihud mean.
            assertThat(Double.isNaN(illiq[i])).as("ILLIQ20 row %d", i).isEqualTo(i < 20 || (i >= 30 && i < 35 + 19));
            // Row 35 divides by the mean of five zero volumes.
            assertThat(Double.isNaN(ratio[i])).as("VOLUME_RATIO row %d", i).isEqualTo(i < 5 || i == 35);
            assertThat(Double.isNaN(mfi[i])).as("MFI14 row %d", i).isEqualTo(i < 14);
        }
        assertThat(vwap[0]).isCloseTo(0.0, within(1e-12)); // amount·10/vol = 10 = close
        assertThat(ratio[34]).isZero();
    }

    @Test
    void rsiIsHundredWhenPricesOnlyRiseAndZeroWhenTheyOnlyFall() {
        SyntheticStock up = SyntheticStock.of("600000.SH");
        SyntheticStock down = SyntheticStock.of("600004.SH");
        List<LocalDate> days = SyntheticStock.weekdays(START, 30);
        for (int i = 0; i < days.size(); i++) {
            up.close(days.get(i), 10 + i * 0.01);
            down.close(days.get(i), 10 - i * 0.01);
        }
        StockSeries u = up.build();
        StockSeries d = down.build();
        FactorPanel p = SyntheticStock.compute(u, d);
        assertNear(p, u, "RSI14", 14, 100.0); // 100·G/(G + 0), rounded
        assertFrom(p, d, "RSI14", 14, 0.0);
        assertFrom(p, u, "WILLR14", 13, 0.0); // closing at the 14-day high
        assertFrom(p, d, "WILLR14", 13, -100.0);
    }

    @Test
    void kdjStartsFromFiftyOnItsFirstRsv() {
        SyntheticStock b = SyntheticStock.of("600000.SH");
        List<LocalDate> days = SyntheticStock.weekdays(START, 10);
        for (int i = 0; i < 10; i++) {
            double c = 10 + i;
            b.bar(days.get(i), c, c + 1, c - 1, c, c, 100, 100);
        }
        StockSeries s = b.build();
        double[] k = SyntheticStock.compute(s).values("KDJ_K", s.code());
        // Row 8: LLV9(l) = 9, HHV9(h) = 19, c = 18 → RSV 90; K = ⅔·50 + ⅓·90.
        assertThat(k[7]).isNaN();
        assertThat(k[8]).isCloseTo(2.0 / 3 * 50 + 90.0 / 3, within(1e-12));
        // Row 9: LLV 10, HHV 20, c 19 → RSV 90 again.
        assertThat(k[9]).isCloseTo(2.0 / 3 * k[8] + 90.0 / 3, within(1e-12));
    }

    @Test
    void rs20IsTheStocksMomentumOverTheBenchmarksOnTheSameDate() {
        List<LocalDate> days = SyntheticStock.weekdays(START, 30);
        SyntheticStock b = SyntheticStock.of("600000.SH");
        int[] benchDates = new int[29];
        double[] benchClose = new double[29];
        int j = 0;
        for (int i = 0; i < days.size(); i++) {
            b.close(days.get(i), 10 + i * 0.1);
            if (i != 25) { // the index has no bar on one of the stock's days
                benchDates[j] = DateInts.of(days.get(i));
                benchClose[j++] = 100 + i;
            }
        }
        StockSeries s = b.build();
        double[] rs = new FactorEngine(1).compute(new PanelInput(List.of(s),
                new MarketSeries(benchDates, benchClose), null, null)).values("RS20", s.code());
        assertThat(rs[20]).isCloseTo((12.0 / 10.0 - 1) - (120.0 / 100.0 - 1), within(1e-12));
        assertThat(rs[25]).isNaN();
        // Row 26: the index's own 20 bars back skip its missing day: 126 / 105.
        assertThat(rs[26]).isCloseTo((12.6 / 10.6 - 1) - (126.0 / 105.0 - 1), within(1e-12));
        assertThat(SyntheticStock.compute(s).values("RS20", s.code())[26]).isNaN(); // no benchmark
    }

    /** On a long random walk every factor is NaN before its first row and has a value from it on. */
    @Test
    void everyFactorHasValuesExactlyFromItsFirstRow() {
        Random random = new Random(1);
        List<LocalDate> days = SyntheticStock.weekdays(START, 120);
        SyntheticStock b = SyntheticStock.of("300001.SZ").listed(LocalDate.of(2009, 10, 30));
        int[] dates = new int[days.size()];
        double[] bench = new double[days.size()];
        double[] flow = new double[days.size()];
        double c = 20;
        for (int i = 0; i < days.size(); i++) {
            double pre = c;
            c = Math.round(c * (1 + 0.03 * random.nextGaussian()) * 100) / 100.0;
            double h = Math.max(c, pre) + 0.1;
            double l = Math.min(c, pre) - 0.1;
            b.bar(days.get(i), pre, h, l, c, pre, 1000 + random.nextInt(1000), 2000);
            dates[i] = DateInts.of(days.get(i));
            bench[i] = 4000 + i;
            flow[i] = random.nextGaussian();
        }
        StockSeries s = b.build();
        FactorPanel p = new FactorEngine(1).compute(new PanelInput(List.of(s), new MarketSeries(dates, bench),
                new MarketSeries(dates, flow), null));
        for (FactorDefinition f : FactorRegistry.all()) {
            int first = f.name().equals("NORTH_FLOW_Z") ? 19 : f.firstRow(); // the flow's 20th value
            double[] v = p.values(f.name(), s.code());
            for (int i = 0; i < v.length; i++) {
                assertThat(Double.isNaN(v[i])).as("%s row %d", f.name(), i).isEqualTo(i < first);
                assertThat(Double.isInfinite(v[i])).as("%s row %d", f.name(), i).isFalse();
            }
        }
    }

    @Test
    void aStockShorterThanEveryWindowIsAllNaNButItsOneBarFactors() {
        StockSeries s = SyntheticStock.of("600000.SH").bar(START, 10, 11, 9, 10.5, 10, 100, 1000).build();
        FactorPanel p = SyntheticStock.compute(s);
        for (FactorDefinition f : FactorRegistry.all()) {
            boolean oneBar = f.firstRow() == 0 && !f.name().equals("NORTH_FLOW_Z");
            assertThat(Double.isNaN(p.values(f.name(), s.code())[0])).as(f.name()).isEqualTo(!oneBar);
        }
    }

    private static void assertFrom(FactorPanel p, StockSeries s, String factor, int firstRow, double expected) {
        double[] v = p.values(factor, s.code());
        for (int i = 0; i < v.length; i++) {
            if (i < firstRow) {
                assertThat(v[i]).as("%s row %d", factor, i).isNaN();
            } else {
                assertThat(v[i]).as("%s row %d", factor, i).isEqualTo(expected);
            }
        }
    }

    private static void assertNear(FactorPanel p, StockSeries s, String factor, int firstRow, double expected) {
        double[] v = p.values(factor, s.code());
        for (int i = 0; i < v.length; i++) {
            if (i < firstRow) {
                assertThat(v[i]).as("%s row %d", factor, i).isNaN();
            } else {
                assertThat(v[i]).as("%s row %d", factor, i).isCloseTo(expected, within(1e-12));
            }
        }
    }

    private static double[] tail(double[] v, int from) {
        return java.util.Arrays.copyOfRange(v, from, v.length);
    }
}
