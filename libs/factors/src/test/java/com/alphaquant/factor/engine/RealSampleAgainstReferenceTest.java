package com.alphaquant.factor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.Bar;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.rules.LimitBandCheck;
import com.alphaquant.market.rules.PriceLimit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every factor of the engine on the real 30-stock sample (14,147 stock-days, 2021-01-04 to
 * 2022-12-20: main board, ChiNext and STAR) against {@link ReferenceFactors}, the plain
 * implementation of SPEC section 3: equal to 1e-9 relative (1e-12 absolute near zero), and NaN
 * on exactly the same rows. The northbound flow is synthetic (the sample has none), with gaps.
 */
class RealSampleAgainstReferenceTest {

    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE = 1e-12;

    private static List<StockSeries> stocks;
    private static FactorPanel panel;
    private static Map<TsCode, Map<String, double[]>> reference;

    @BeforeAll
    static void computeBoth() {
        List<Bar> bars = MiniSample.BARS;
        List<Bar> csi300 = MiniSample.CSI300;
        List<StockBasic> basics = MiniSample.BASICS;
        TradingCalendar calendar = MiniSample.CALENDAR;
        List<LocalDate> flowDates = new ArrayList<>();
        List<Double> flows = new ArrayList<>();
        syntheticFlow(calendar, flowDates, flows);

        PanelInput input = PanelInput.builder().bars(bars).benchmarkBars(csi300).stockBasics(basics).calendar(calendar)
                .st(MiniSample.ST)
                .northFlow(new MarketSeries(flowDates.stream().mapToInt(DateInts::of).toArray(),
                        flows.stream().mapToDouble(Double::doubleValue).toArray()))
                .build();
        stocks = input.stocks();
        panel = new FactorEngine(2).compute(input);

        Map<TsCode, StockBasic> basicByCode = basics.stream()
                .collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
        LimitBandCheck book = new LimitBandCheck(calendar, basicByCode, MiniSample.ST);
        Function<Bar, PriceLimit> limitOf = bar -> book.limitOn(bar.tsCode(), bar.tradeDate());
        Map<LocalDate, Double> benchmarkMom20 = ReferenceFactors.mom20ByDate(csi300);
        Map<LocalDate, Double> flowZ = ReferenceFactors.flowZByDate(flowDates, flows);
        reference = bars.stream()
                .collect(Collectors.groupingBy(Bar::tsCode)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ReferenceFactors.compute(
                        e.getValue().stream().sorted(Comparator.comparing(Bar::tradeDate)).toList(),
                        benchmarkMom20, flowZ, limitOf)));
    }

    /** Random flows on trading days from 2020-11, some days missing, some NaN (not published). */
    private static void syntheticFlow(TradingCalendar calendar, List<LocalDate> dates, List<Double> flows) {
        Random random = new Random(7);
        int i = 0;
        for (LocalDate d : calendar.openDays(LocalDate.of(2020, 11, 2), LocalDate.of(2022, 12, 30))) {
            i++;
            if (i % 23 == 0) {
                continue; // no row at all that day
            }
            dates.add(d);
            boolean unpublished = i % 17 == 0 || (i > 200 && i < 215);
            flows.add(unpublished ? Double.NaN : Math.round(random.nextGaussian() * 5e9) / 100.0);
        }
    }

    static List<String> factorNames() {
        return FactorRegistry.names();
    }

    @ParameterizedTest
    @MethodSource("factorNames")
    void engineEqualsThePlainImplementation(String factor) {
        int compared = 0;
        int valued = 0;
        List<String> mismatches = new ArrayList<>();
        for (StockSeries stock : stocks) {
            double[] engine = panel.values(factor, stock.code());
            double[] plain = reference.get(stock.code()).get(factor);
            assertThat(engine).hasSameSizeAs(plain);
            for (int i = 0; i < engine.length; i++) {
                compared++;
                if (!Double.isNaN(plain[i])) {
                    valued++;
                }
                if (!close(engine[i], plain[i]) && mismatches.size() < 10) {
                    mismatches.add(stock.code() + " " + stock.dates()[i] + " row " + i + ": engine " + engine[i]
                            + ", plain " + plain[i]);
                }
            }
        }
        assertThat(mismatches).as(factor).isEmpty();
        assertThat(compared).isEqualTo(14_147);
        // Not a comparison of NaNs: all but warm-up rows (and the flow's gaps) have values.
        assertThat(valued).as(factor + " values").isGreaterThan(factor.equals("NORTH_FLOW_Z") ? 10_000 : 12_000);
    }

    @Test
    void theSampleHasLimitClosesOnBothSidesAndTheEngineCountsThem() {
        double up = 0;
        double down = 0;
        for (StockSeries stock : stocks) {
            for (double v : panel.values("LIMIT_NET20", stock.code())) {
                if (!Double.isNaN(v)) {
                    up = Math.max(up, v);
                    down = Math.min(down, v);
                }
            }
        }
        assertThat(up).isGreaterThanOrEqualTo(1);
        assertThat(down).isLessThanOrEqualTo(-1);
    }

    @Test
    void valuesStartExactlyAtEachFactorsFirstRow() {
        for (FactorDefinition f : FactorRegistry.all()) {
            if (f.name().equals("NORTH_FLOW_Z")) {
                continue; // depends on the flow series, not on the stock's bars
            }
            for (StockSeries stock : stocks) {
                double[] v = panel.values(f.name(), stock.code());
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i]) != i < f.firstRow()) {
                        throw new AssertionError(f.name() + " " + stock.code() + " row " + i + ": " + v[i]
                                + ", first row with a value should be " + f.firstRow());
                    }
                }
            }
        }
    }

    static boolean close(double actual, double expected) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.isNaN(actual) && Double.isNaN(expected);
        }
        double diff = Math.abs(actual - expected);
        return diff <= ABSOLUTE || diff <= RELATIVE * Math.abs(expected);
    }
}
