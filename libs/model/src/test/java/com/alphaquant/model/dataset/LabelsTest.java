package com.alphaquant.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.market.Bar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static final Dataset DATA = MiniPanel.build(DatasetSpec.defaults(), MiniPanel.BARS);

    @Test
    void labelsOfAFourBarPathAreTheDefinitionsWorkedByHand() {
        float[] out = new float[4 * Samples.LABELS];
        ForwardLabels.compute(new double[] {10, 11, 9.9, 12.1}, 3, out);
        double r1 = Math.log(1.1);
        double r2 = Math.log(0.9);
        double r3 = Math.log(12.1 / 9.9);
        double mean = (r1 + r2 + r3) / 3;
        double std = Math.sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean) + (r3 - mean) * (r3 - mean)) / 2);
        assertThat(out[0]).isCloseTo((float) Math.log(1.21), within(1e-7f));
        assertThat(out[1]).isCloseTo((float) (mean / std * Math.sqrt(252)), within(1e-5f));
        assertThat(out[2]).isCloseTo(0.1f, within(1e-7f)); // 11 → 9.9
        for (int i = 3; i < 12; i++) {
            assertThat(out[i]).isNaN(); // rows 1..3 have fewer than 3 bars after them
        }
    }

    @Test
    void aFlatPathHasSharpeAndDrawdownZero() {
        float[] out = new float[3 * Samples.LABELS];
        ForwardLabels.compute(new double[] {5, 5, 5}, 2, out);
        assertThat(new float[] {out[0], out[1], out[2]}).containsExactly(0f, 0f, 0f);
    }

    @Test
    void labelsOfRealSamplesMatchARecomputationFromTheBars() {
        int h = DATA.spec().horizon();
        SampleSource all = DATA.all();
        int checked = 0;
        int nan = 0;
        for (int i = 0; i < all.size(); i += 331) {
            Samples.Key key = all.key(i);
            float[] y = all.gather(new int[] {i}).labels();
            List<Bar> bars = MiniPanel.BY_CODE.get(key.tsCode());
            int t = indexOf(bars, key.date());
            if (t + h >= bars.size()) {
                assertThat(y[0]).isNaN();
                assertThat(y[1]).isNaN();
                assertThat(y[2]).isNaN();
                nan++;
                continue;
            }
            double[] expected = byHand(bars, t, h);
            assertThat(y[0]).as("return of %s", key).isCloseTo((float) expected[0], within(2e-6f));
            assertThat(y[1]).as("Sharpe of %s", key).isCloseTo((float) expected[1], within(1e-4f));
            assertThat(y[2]).as("drawdown of %s", key).isCloseTo((float) expected[2], within(2e-6f));
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(nan).isGreaterThan(0);
    }

    @Test
    void aLabelWindowCountsTheStocksOwnBarsAcrossASuspension() {
        int h = DATA.spec().horizon();
        // A stock with a gap of more than a week between two bars, and a sample just before it.
        for (List<Bar> bars : MiniPanel.BY_CODE.values()) {
            for (int t = 30; t + h < bars.size(); t++) {
                if (bars.get(t + 1).tradeDate().isAfter(bars.get(t).tradeDate().plusDays(10))) {
                    Samples.Key key = new Samples.Key(bars.get(t).tsCode().toString(), bars.get(t).tradeDate());
                    SampleSource day = DATA.inference(key.date(), List.of(key.tsCode()));
                    float[] y = day.gather(new int[] {0}).labels();
                    assertThat(y[0]).isCloseTo((float) byHand(bars, t, h)[0], within(2e-6f));
                    return;
                }
            }
        }
        throw new AssertionError("The mini sample was expected to hold a suspension");
    }

    /** The three labels from the bars, written out plainly: every ratio from the qfq closes. */
    static double[] byHand(List<Bar> bars, int t, int h) {
        List<Double> closes = new ArrayList<>();
        for (int k = t; k <= t + h; k++) {
            Bar b = bars.get(k);
            closes.add(b.close() * (Double.isNaN(b.adjFactor()) ? 1.0 : b.adjFactor()));
        }
        double[] r = new double[h];
        for (int k = 0; k < h; k++) {
            r[k] = Math.log(closes.get(k + 1) / closes.get(k));
        }
        double mean = java.util.Arrays.stream(r).average().orElseThrow();
        double var = java.util.Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / (h - 1);
        double sharpe = var == 0 ? 0 : mean / Math.sqrt(var) * Math.sqrt(252);
        double drawdown = 0;
        for (int i = 0; i <= h; i++) {
            for (int j = i; j <= h; j++) {
                drawdown = Math.max(drawdown, 1 - closes.get(j) / closes.get(i)); // any earlier high to any later low
            }
        }
        return new double[] {Math.log(closes.get(h) / closes.get(0)), sharpe, drawdown};
    }

    static int indexOf(List<Bar> bars, LocalDate date) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).tradeDate().equals(date)) {
                return i;
            }
        }
        throw new AssertionError("No bar on " + date);
    }
}
