package com.alphaquant.factor.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.factor.Sample;
import com.alphaquant.support.panel.PanelSource;
import com.alphaquant.support.panel.InMemoryPanelSource;
import com.alphaquant.support.panel.PanelSample;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service's loading and warm-up reproduce the engine's whole-history values on the real sample. */
class FactorComputerTest {

    static final Set<String> RECURSIVE = Set.of("RSI14", "MACD_DIF", "MACD_HIST", "ATR14", "KDJ_K");

    @Test
    void defaultWarmUpEqualsTheWholeHistoryOnEveryStock() {
        FactorComputer computer = new FactorComputer(Sample.source(), 400, 2);
        Map<TsCode, StockFactors> out = computer.compute(Sample.CODES, LocalDate.parse("2022-06-01"), LocalDate.parse("2022-06-30"));

        assertThat(out).hasSize(Sample.CODES.size());
        out.values().forEach(s -> {
            assertThat(s.dates()[0]).isGreaterThanOrEqualTo(20220601);
            Sample.assertMatchesWholeHistory(s, 1e-12);
        });
        assertThat(computer.runs()).isEqualTo(1);
    }

    @Test
    void aTruncatedHistoryConvergesBelow1e9() {
        // 300 bars stop short of the sample's start (PanelLoaderTest)
        FactorComputer computer = new FactorComputer(Sample.source(), 300, 2);
        Map<TsCode, StockFactors> out = computer.compute(Sample.CODES, LocalDate.parse("2022-12-01"), LocalDate.parse("2022-12-20"));

        out.values().forEach(s -> Sample.assertMatchesWholeHistory(s, 1e-9));
    }

    /**
     * 000408.SZ was *ST from 2020-05-06 to 2021-05-11 (the 300-stock sample): LIMIT_NET20 counts
     * its closes at the 5% band on those days and at 10% on the others, as an independent count
     * over its raw bars says, and not as a source without the name history would.
     */
    @Test
    void limitNet20OfAnStStockCountsClosesAtTheBandOfEachDay() {
        TsCode zangge = TsCode.of("000408.SZ");
        LocalDate from = LocalDate.parse("2020-03-02");
        LocalDate to = LocalDate.parse("2021-07-30");
        List<Bar> bars = com.alphaquant.market.csv.BarCsv.read(com.alphaquant.market.csv.SampleData.file(
                com.alphaquant.market.csv.SampleData.BARS_300)).stream().filter(b -> b.tsCode().equals(zangge))
                .sorted(java.util.Comparator.comparing(Bar::tradeDate)).toList();
        int f = FactorComputer.FACTORS.stream().map(d -> d.name()).toList().indexOf("LIMIT_NET20");
        StockFactors withSt = new FactorComputer(new InMemoryPanelSource(bars, Sample.INDEX_BARS, Sample.ST), 400, 1)
                .compute(List.of(zangge), from, to).get(zangge);
        StockFactors neverSt = new FactorComputer(new InMemoryPanelSource(bars, Sample.INDEX_BARS), 400, 1)
                .compute(List.of(zangge), from, to).get(zangge);

        List<LocalDate> days = bars.stream().map(Bar::tradeDate).toList();
        int differ = 0;
        for (int i = 0; i < withSt.size(); i++) {
            int end = days.indexOf(DateInts.toLocalDate(withSt.dates()[i]));
            int net = 0;
            for (Bar b : bars.subList(end - 19, end + 1)) {
                boolean st = !b.tradeDate().isBefore(LocalDate.parse("2020-05-06")) && !b.tradeDate().isAfter(LocalDate.parse("2021-05-11"));
                net += b.close() == halfUp(b.preClose(), st ? "1.05" : "1.10") ? 1
                        : b.close() == halfUp(b.preClose(), st ? "0.95" : "0.90") ? -1 : 0;
            }
            assertThat(withSt.values()[f][i]).as("%s", days.get(end)).isEqualTo(net);
            differ += withSt.values()[f][i] != neverSt.values()[f][i] ? 1 : 0;
        }
        assertThat(withSt.size()).isGreaterThan(300);
        assertThat(differ).as("days on which the ST band changes the count").isGreaterThan(20);
    }

    private static double halfUp(double price, String factor) {
        return new java.math.BigDecimal(Double.toString(price)).multiply(new java.math.BigDecimal(factor))
                .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The largest window is enough for every windowed factor: exact, only the recursive ones need more. */
    @Test
    void windowedFactorsAreExactWithTheLargestWindowAlone() {
        FactorComputer computer = new FactorComputer(Sample.source(), 0, 1);
        assertThat(computer.warmupBars()).isEqualTo(60); // MOM60's window less one
        Map<TsCode, StockFactors> out = computer.compute(Sample.CODES, LocalDate.parse("2022-09-01"), LocalDate.parse("2022-09-30"));
        for (StockFactors s : out.values()) {
            for (int f = 0; f < FactorComputer.FACTORS.size(); f++) {
                if (RECURSIVE.contains(FactorComputer.FACTORS.get(f).name())) {
                    continue;
                }
                for (int i = 0; i < s.size(); i++) {
                    double e = Sample.expected(f, s.code(), s.dates()[i]);
                    double a = s.values()[f][i];
                    assertThat(Double.compare(a, e)) // 0 for the same value, and for NaN and NaN
                            .as("%s %s %d: %s vs %s", s.code(), FactorComputer.FACTORS.get(f).name(), s.dates()[i], a, e).isZero();
                }
            }
        }
    }

    @Test
    void barsTheEngineRefusesAreTheSourcesFaultNotTheCallers() {
        TsCode code = TsCode.of("000001.SZ");
        List<Bar> bars = PanelSample.weekdays(code, LocalDate.parse("2024-01-01"), 80, 10.0);
        List<Bar> twice = new ArrayList<>(bars);
        twice.add(bars.get(40)); // the same day served twice
        PanelSource source = new InMemoryPanelSource(twice, List.of());
        FactorComputer computer = new FactorComputer(source, 0, 1);
        assertThatThrownBy(() -> computer.compute(List.of(code), LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-29")))
                .isInstanceOf(MarketDataException.class)
                .hasMessageContaining("000001.SZ").hasMessageContaining("increase strictly");
    }
}
