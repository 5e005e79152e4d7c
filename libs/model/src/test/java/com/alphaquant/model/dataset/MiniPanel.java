package com.alphaquant.model.dataset;

import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The real 30-stock sample (2021-01-04 to 2022-12-20), read once per test JVM, and ways to alter it. */
final class MiniPanel {

    static final List<Bar> BARS = BarCsv.read(SampleData.file(SampleData.BARS_MINI_30));
    static final List<Bar> INDEX = BarCsv.read(SampleData.file(SampleData.INDEX));

    /** Each stock's bars in date order, by ts_code. */
    static final Map<String, List<Bar>> BY_CODE = BARS.stream().collect(Collectors.groupingBy(
            b -> b.tsCode().toString(), TreeMap::new,
            Collectors.collectingAndThen(Collectors.toList(),
                    l -> l.stream().sorted(Comparator.comparing(Bar::tradeDate)).toList())));

    private MiniPanel() {
    }

    static Dataset build(DatasetSpec spec, List<Bar> bars) {
        return new DatasetBuilder(spec, 2).build(BundledDataset.panelInput(bars, INDEX));
    }

    /** Stock bars, index bars and the northbound flow all changed after {@code date}. */
    static Dataset buildPerturbedAfter(DatasetSpec spec, LocalDate date, long seed) {
        PanelInput input = BundledDataset.panelInput(perturbed(BARS, after(date), seed),
                perturbed(INDEX, after(date), seed + 1));
        MarketSeries flow = input.northFlow();
        double[] values = flow.values().clone();
        Random random = new Random(seed + 2);
        int from = DateInts.of(date);
        for (int i = 0; i < values.length; i++) {
            if (flow.dates()[i] > from) {
                values[i] = values[i] * (0.5 + random.nextDouble()) + 1_000 * random.nextGaussian();
            }
        }
        return new DatasetBuilder(spec, 2).build(new PanelInput(input.stocks(), input.benchmarkClose(),
                new MarketSeries(flow.dates(), values), input.calendar()));
    }

    /**
     * The bars with every price of the bars matching {@code which} multiplied by a random factor
     * in [0.8, 1.25) (one per bar, so the bar stays consistent but its moves change).
     */
    static List<Bar> perturbed(List<Bar> bars, Predicate<Bar> which, long seed) {
        Random random = new Random(seed);
        return bars.stream().map(b -> which.test(b) ? scaled(b, 0.8 + 0.45 * random.nextDouble()) : b).toList();
    }

    static Predicate<Bar> after(LocalDate date) {
        return b -> b.tradeDate().isAfter(date);
    }

    static Predicate<Bar> before(LocalDate date) {
        return b -> b.tradeDate().isBefore(date);
    }

    private static Bar scaled(Bar b, double k) {
        return new Bar(b.tsCode(), b.tradeDate(), b.open() * k, b.high() * k, b.low() * k, b.close() * k,
                b.preClose() * k, b.vol(), b.amount(), b.adjFactor());
    }
}
