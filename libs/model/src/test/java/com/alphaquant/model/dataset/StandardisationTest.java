package com.alphaquant.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardisationTest {

    private static final PanelInput INPUT = BundledDataset.panelInput(MiniPanel.BARS);
    private static final Dataset DATA = new DatasetBuilder(DatasetSpec.defaults().withMinHistory(1), 2).build(INPUT);
    private static final FactorPanel RAW = new FactorEngine(2).compute(INPUT);

    @Test
    void everyDaysFactorHasMeanZeroAndStdOneOverTheStocksWithAValue() {
        int cells = 0;
        int capped = 0;
        for (LocalDate date : DATA.sampleDates()) {
            Samples day = lastSteps(date);
            for (int f = 0; f < day.factorCount(); f++) {
                String name = DATA.factorNames().get(f);
                if (DatasetBuilder.MARKET_WIDE.contains(name)) {
                    continue;
                }
                List<Double> z = new ArrayList<>();
                List<Double> raw = new ArrayList<>();
                for (int i = 0; i < day.size(); i++) {
                    double value = RAW.value(name, TsCode.of(day.keys().get(i).tsCode()), date);
                    if (!Double.isNaN(value)) {
                        raw.add(value);
                        z.add((double) day.factors()[(i * day.seqLen() + day.seqLen() - 1) * day.factorCount() + f]);
                    }
                }
                if (raw.size() < 2 || raw.stream().distinct().count() == 1) {
                    assertThat(z).allMatch(v -> v == 0.0);
                    continue;
                }
                double mean = z.stream().mapToDouble(v -> v).average().orElseThrow();
                double std = Math.sqrt(z.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / z.size());
                if (z.stream().anyMatch(v -> Math.abs(v) == CrossSection.Z_CAP)) {
                    capped++;
                    assertThat(std).as("%s on %s", name, date).isLessThan(1.0);
                } else {
                    assertThat(mean).as("%s on %s", name, date).isCloseTo(0.0, within(1e-6));
                    assertThat(std).as("%s on %s", name, date).isCloseTo(1.0, within(1e-5));
                }
                cells++;
            }
        }
        assertThat(cells).isGreaterThan(400 * 20);
        assertThat(capped).as("cells where the z cap binds").isLessThan(cells / 20);
    }

    @Test
    void oneDayMatchesAStraightforwardMedianMadClipAndZScore() {
        LocalDate date = LocalDate.of(2022, 6, 1);
        Samples day = lastSteps(date);
        for (String name : List.of("VOLUME_RATIO", "RSI14", "ILLIQ20", "MOM60")) {
            int f = DATA.factorNames().indexOf(name);
            List<Double> raw = new ArrayList<>();
            for (Samples.Key key : day.keys()) {
                raw.add(RAW.value(name, TsCode.of(key.tsCode()), date));
            }
            List<Double> present = raw.stream().filter(v -> !v.isNaN()).sorted().toList();
            double median = medianOf(present);
            double mad = medianOf(present.stream().map(v -> Math.abs(v - median)).sorted().toList());
            double lo = median - 3 * 1.4826 * mad;
            double hi = median + 3 * 1.4826 * mad;
            List<Double> clipped = present.stream().map(v -> Math.min(hi, Math.max(lo, v))).toList();
            double mean = clipped.stream().mapToDouble(v -> v).average().orElseThrow();
            double std = Math.sqrt(clipped.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / clipped.size());
            for (int i = 0; i < day.size(); i++) {
                Double x = raw.get(i);
                double expected = x.isNaN() ? 0 : (Math.min(hi, Math.max(lo, x)) - mean) / std;
                float actual = day.factors()[(i * day.seqLen() + day.seqLen() - 1) * day.factorCount() + f];
                assertThat((double) actual).as("%s of %s", name, day.keys().get(i)).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void anOutlierIsClippedAtThreeRobustSigmasBeforeTheZScore() {
        double[] x = {1, 2, 3, 4, 1000, Double.NaN};
        CrossSection.standardise(x, x.length, new double[x.length]);
        // median 3, MAD 1: 1000 becomes 3 + 3·1.4826 = 7.4478
        double[] clipped = {1, 2, 3, 4, 7.4478};
        double mean = (1 + 2 + 3 + 4 + 7.4478) / 5;
        double ss = 0;
        for (double v : clipped) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / 5);
        for (int i = 0; i < 5; i++) {
            assertThat(x[i]).isCloseTo((clipped[i] - mean) / std, within(1e-12));
        }
        assertThat(x[5]).isNaN();
    }

    @Test
    void aZeroMadDoesNotEraseTheRareValuesButTheZScoreIsCapped() {
        double[] few = {0, 0, 0, 0, 1};
        CrossSection.standardise(few, 5, new double[5]);
        assertThat(few).containsExactly(new double[] {-0.5, -0.5, -0.5, -0.5, 2.0}, within(1e-12));
        double[] lone = new double[31];
        lone[30] = 1; // z = √30 ≈ 5.48 uncapped
        CrossSection.standardise(lone, 31, new double[31]);
        assertThat(lone[30]).isEqualTo(CrossSection.Z_CAP);
    }

    @Test
    void northboundFlowKeepsItsOwnZScoreAsAMarketWideValue() {
        LocalDate date = LocalDate.of(2021, 3, 10); // the sample's flow runs to 2021-07-19
        Samples day = lastSteps(date);
        int f = DATA.factorNames().indexOf("NORTH_FLOW_Z");
        double expected = RAW.value("NORTH_FLOW_Z", TsCode.of(day.keys().get(0).tsCode()), date);
        assertThat(expected).isNotNaN();
        for (int i = 0; i < day.size(); i++) {
            assertThat((double) day.factors()[(i * day.seqLen() + day.seqLen() - 1) * day.factorCount() + f])
                    .isCloseTo(expected, within(1e-6));
        }
    }

    private static Samples lastSteps(LocalDate date) {
        SampleSource day = DATA.inference(date);
        int[] all = new int[day.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return day.gather(all);
    }

    private static double medianOf(List<Double> sorted) {
        int m = sorted.size();
        return m % 2 == 1 ? sorted.get(m / 2) : 0.5 * (sorted.get(m / 2 - 1) + sorted.get(m / 2));
    }
}
