package com.alphaquant.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.rules.PriceLimit;
import com.alphaquant.market.rules.PriceLimitBook;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every day's market vector of the 30-stock sample against a recomputation from the bars. */
class MarketFeaturesTest {

    private static final PanelInput INPUT = BundledDataset.panelInput(MiniPanel.BARS, MiniPanel.INDEX);
    private static final Dataset DATA = new DatasetBuilder(DatasetSpec.defaults().withMinHistory(1), 2).build(INPUT);
    private static final FactorPanel RAW = new FactorEngine(2).compute(INPUT);

    @Test
    void everyDaysVectorMatchesTheBarsIndexAndFlow() {
        List<Bar> csi300 = MiniPanel.INDEX.stream().filter(b -> b.tsCode().equals(PanelInput.BENCHMARK))
                .sorted((a, b) -> a.tradeDate().compareTo(b.tradeDate())).toList();
        Map<LocalDate, List<Bar>> byDay = MiniPanel.BARS.stream()
                .collect(Collectors.groupingBy(Bar::tradeDate, TreeMap::new, Collectors.toList()));
        int limitUpDays = 0;
        int flowDays = 0;
        for (Map.Entry<LocalDate, List<Bar>> day : byDay.entrySet()) {
            LocalDate date = day.getKey();
            float[] m = marketOn(date);
            int j = indexOf(csi300, date);
            double ret = Math.log(csi300.get(j).close() / csi300.get(j - 1).close());
            assertThat(m[0]).as("INDEX_RET %s", date).isCloseTo((float) clip(ret / 0.015), within(1e-5f));
            double[] last20 = new double[20];
            for (int k = 0; k < 20; k++) {
                last20[k] = Math.log(csi300.get(j - k).close() / csi300.get(j - k - 1).close());
            }
            double vol = sampleStd(last20) * Math.sqrt(252);
            assertThat(m[1]).as("INDEX_VOL20 %s", date).isCloseTo((float) clip((vol - 0.2) / 0.1), within(1e-5f));

            List<Bar> bars = day.getValue();
            double up = bars.stream().filter(b -> b.close() > b.preClose()).count() / (double) bars.size();
            assertThat(m[2]).as("BREADTH %s", date).isCloseTo((float) ((up - 0.5) / 0.25), within(1e-5f));
            long limitUps = bars.stream().filter(b -> b.close() >= limitUpPrice(b)).count();
            assertThat(m[3]).as("LIMIT_UP %s", date).isCloseTo((float) (limitUps / (double) bars.size() / 0.05), within(1e-5f));
            limitUpDays += limitUps > 0 ? 1 : 0;

            double z = RAW.value("NORTH_FLOW_Z", bars.get(0).tsCode(), date);
            assertThat(m[4]).as("NORTH_FLOW_Z %s", date).isCloseTo(Double.isNaN(z) ? 0f : (float) clip(z), within(1e-6f));
            assertThat(m[5]).as("NORTH_FLOW_PRESENT %s", date).isEqualTo(Double.isNaN(z) ? 0f : 1f);
            flowDays += Double.isNaN(z) ? 0 : 1;
        }
        assertThat(limitUpDays).isGreaterThan(10);
        assertThat(flowDays).isGreaterThan(100).isLessThan(byDay.size() - 100); // the flow ends 2021-07-19
    }

    /** The mini sample's stocks are all seasoned and none traded as ST in it: the board's normal band. */
    private static double limitUpPrice(Bar b) {
        double band = PriceLimitBook.normalLimit(Board.of(b.tsCode()), false, b.tradeDate());
        return PriceLimit.symmetric(band).limitUpPrice(b.preClose());
    }

    private static float[] marketOn(LocalDate date) {
        Samples s = DATA.inference(date).gather(new int[] {0});
        int o = (s.seqLen() - 1) * s.marketCount();
        return java.util.Arrays.copyOfRange(s.market(), o, o + s.marketCount());
    }

    private static int indexOf(List<Bar> bars, LocalDate date) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).tradeDate().equals(date)) {
                return i;
            }
        }
        throw new AssertionError("The index has no bar on " + date);
    }

    private static double sampleStd(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
    }

    private static double clip(double x) {
        return Math.max(-5, Math.min(5, x));
    }
}
