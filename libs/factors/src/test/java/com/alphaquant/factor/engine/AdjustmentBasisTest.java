package com.alphaquant.factor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every factor is a ratio of prices, so the adjustment factor's base must not matter: the CLI
 * reads adj_factor_rel (1 on the last day), data-service serves Tushare's cumulative adj_factor
 * (118.7 for one stock, 5.3 for another). On the real sample, both give the same values.
 */
class AdjustmentBasisTest {

    @Test
    void anyConstantBaseOfTheAdjustmentFactorGivesTheSameFactors() {
        Random random = new Random(11);
        Map<TsCode, Double> base = new HashMap<>();
        List<Bar> rebased = MiniSample.BARS.stream().map(b -> {
            double k = base.computeIfAbsent(b.tsCode(), c -> 1 + random.nextDouble() * 200);
            return new Bar(b.tsCode(), b.tradeDate(), b.open(), b.high(), b.low(), b.close(), b.preClose(), b.vol(), b.amount(),
                    b.adjFactor() * k);
        }).toList();
        FactorPanel relative = compute(MiniSample.BARS);
        FactorPanel cumulative = compute(rebased);

        int compared = 0;
        for (int f = 0; f < relative.factors().size(); f++) {
            for (int s = 0; s < relative.stocks().size(); s++) {
                double[] a = relative.values(f, s);
                double[] b = cumulative.values(f, s);
                for (int i = 0; i < a.length; i++) {
                    String where = relative.factors().get(f).name() + " " + relative.stocks().get(s).code() + " "
                            + relative.stocks().get(s).dates()[i];
                    if (Double.isNaN(a[i])) {
                        assertThat(b[i]).as(where).isNaN();
                    } else {
                        assertThat(RealSampleAgainstReferenceTest.close(b[i], a[i])).as(where + ": " + b[i] + " vs " + a[i]).isTrue();
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(200_000);
    }

    private static FactorPanel compute(List<Bar> bars) {
        return new FactorEngine(2).compute(PanelInput.builder().bars(bars).benchmarkBars(MiniSample.CSI300)
                .stockBasics(MiniSample.BASICS).calendar(MiniSample.CALENDAR).build());
    }
}
