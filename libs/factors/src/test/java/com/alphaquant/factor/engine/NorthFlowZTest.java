package com.alphaquant.factor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NORTH_FLOW_Z on a small synthetic flow with gaps: days missing from the series and days the
 * series has as NaN (not published, as after 2024-08) have no value; the 20-day window counts
 * published values, so a gap does not reset it; every stock gets the market's value of the day.
 */
class NorthFlowZTest {

    private static final List<LocalDate> DAYS = SyntheticStock.weekdays(LocalDate.of(2024, 6, 3), 45);

    @Test
    void zScoreOfThePublishedFlowsWithGaps() {
        List<Integer> flowDates = new ArrayList<>();
        List<Double> flowValues = new ArrayList<>();
        for (int i = 0; i < DAYS.size(); i++) {
            if (i == 10 || i == 33) {
                continue; // the source has no row that day
            }
            flowDates.add(DateInts.of(DAYS.get(i)));
            boolean unpublished = i == 15 || i == 16 || i >= 42;
            flowValues.add(unpublished ? Double.NaN : 1e8 * Math.sin(i * 0.7) + 3e7 * i);
        }
        MarketSeries flow = new MarketSeries(flowDates.stream().mapToInt(Integer::intValue).toArray(),
                flowValues.stream().mapToDouble(Double::doubleValue).toArray());
        StockSeries a = stock("600000.SH");
        StockSeries b = stock("300750.SZ");
        FactorPanel p = new FactorEngine(2).compute(new PanelInput(List.of(a, b), null, flow, null));
        double[] za = p.values("NORTH_FLOW_Z", a.code());
        double[] zb = p.values("NORTH_FLOW_Z", b.code());

        List<Double> published = new ArrayList<>();
        int valued = 0;
        for (int i = 0; i < DAYS.size(); i++) {
            int k = flowDates.indexOf(DateInts.of(DAYS.get(i)));
            double x = k < 0 ? Double.NaN : flowValues.get(k);
            if (!Double.isNaN(x)) {
                published.add(x);
            }
            if (Double.isNaN(x) || published.size() < 20) {
                assertThat(za[i]).as("row %d", i).isNaN();
            } else {
                assertThat(za[i]).as("row %d", i).isCloseTo(lastZ(published), within(1e-12));
                valued++;
            }
            assertThat(Double.doubleToLongBits(zb[i])).isEqualTo(Double.doubleToLongBits(za[i]));
        }
        // 45 days − 2 missing − 5 unpublished = 38 published; values from the 20th published on.
        assertThat(published).hasSize(38);
        assertThat(valued).isEqualTo(19);
    }

    @Test
    void equalFlowsHaveZeroZ() {
        int[] dates = DAYS.stream().mapToInt(DateInts::of).toArray();
        double[] values = new double[dates.length];
        java.util.Arrays.fill(values, 0.1);
        StockSeries a = stock("600000.SH");
        double[] z = new FactorEngine(1).compute(new PanelInput(List.of(a), null, new MarketSeries(dates, values), null))
                .values("NORTH_FLOW_Z", a.code());
        assertThat(z[18]).isNaN();
        assertThat(z[19]).isZero();
        assertThat(z[44]).isZero();
    }

    @Test
    void noFlowAtAllIsNaNEverywhere() {
        StockSeries a = stock("600000.SH");
        assertThat(SyntheticStock.compute(a).values("NORTH_FLOW_Z", a.code())).containsOnly(Double.NaN);
    }

    /** (x − mean) / sample std of the last 20 values, written out. */
    private static double lastZ(List<Double> xs) {
        List<Double> w = xs.subList(xs.size() - 20, xs.size());
        double mean = w.stream().mapToDouble(Double::doubleValue).sum() / 20;
        double ss = w.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return (w.get(19) - mean) / Math.sqrt(ss / 19);
    }

    private static StockSeries stock(String code) {
        SyntheticStock s = SyntheticStock.of(code);
        DAYS.forEach(d -> s.close(d, 10));
        return s.build();
    }
}
