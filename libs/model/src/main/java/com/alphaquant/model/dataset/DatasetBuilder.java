package com.alphaquant.model.dataset;

import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.LimitCloses;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.StockSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Dataset} from a factor panel's input (stock bars, benchmark closes, northbound
 * flow, calendar: {@code PanelInput.builder()} turns data-service's or the CSV readers' bars into
 * one). The 24 factors come from libs/factors' engine; this class only standardises them per
 * day ({@link CrossSection}), adds the market vector ({@link MarketFeatures}) and the labels
 * ({@link ForwardLabels}).
 *
 * <p>Nothing after the spec's {@code to} is read: the input is cut there first. The cross
 * section of a day is every stock of the input with a bar that day, also stocks too young to be
 * samples themselves.
 */
public final class DatasetBuilder {

    /**
     * Factors that are one market-wide value per day: standardising them across stocks would
     * give 0 everywhere, so they keep their own value (already a z-score over past days),
     * clipped like the market features.
     */
    static final Set<String> MARKET_WIDE = Set.of("NORTH_FLOW_Z");

    private final DatasetSpec spec;
    private final int parallelism;

    public DatasetBuilder(DatasetSpec spec) {
        this(spec, Runtime.getRuntime().availableProcessors());
    }

    public DatasetBuilder(DatasetSpec spec, int parallelism) {
        if (spec == null) {
            throw new IllegalArgumentException("A data set needs a spec");
        }
        this.spec = spec;
        this.parallelism = parallelism;
    }

    /** @throws IllegalArgumentException when no stock has a bar up to the spec's {@code to} */
    public Dataset build(PanelInput input) {
        int to = spec.to() == null ? Integer.MAX_VALUE : DateInts.of(spec.to());
        PanelInput cut = PanelCut.upTo(input, to);
        List<StockSeries> stocks = cut.stocks();
        if (stocks.isEmpty()) {
            throw new IllegalArgumentException("No stock bars" + (spec.to() == null ? "" : " up to " + spec.to()));
        }
        FactorEngine engine = new FactorEngine(parallelism);
        FactorPanel panel = engine.compute(cut);
        int stockCount = stocks.size();
        int factorCount = engine.factors().size();

        int[] days = stocks.stream().flatMapToInt(s -> Arrays.stream(s.dates())).distinct().sorted().toArray();
        int[][] dates = new int[stockCount][];
        int[][] dayOfRow = new int[stockCount][];
        float[][] factors = new float[stockCount][];
        float[][] labels = new float[stockCount][];
        double[][] limitFlags = new double[stockCount][];
        String[] codes = new String[stockCount];
        LimitCloses limits = new LimitCloses(cut);
        for (int s = 0; s < stockCount; s++) {
            StockSeries series = stocks.get(s);
            int n = series.size();
            codes[s] = series.code().toString();
            dates[s] = series.dates();
            dayOfRow[s] = new int[n];
            for (int r = 0; r < n; r++) {
                dayOfRow[s][r] = Arrays.binarySearch(days, series.dates()[r]);
            }
            factors[s] = new float[n * factorCount];
            labels[s] = new float[n * Samples.LABELS];
            ForwardLabels.compute(adjustedCloses(series), spec.horizon(), labels[s]);
            limitFlags[s] = new double[n];
            limits.fill(series, limitFlags[s]);
        }

        boolean[] marketWide = new boolean[factorCount];
        int north = -1;
        for (int f = 0; f < factorCount; f++) {
            String name = engine.factors().get(f).name();
            marketWide[f] = MARKET_WIDE.contains(name);
            if (name.equals("NORTH_FLOW_Z")) {
                north = f;
            }
        }
        int[] traded = new int[days.length];
        int[] up = new int[days.length];
        int[] limitUp = new int[days.length];
        double[] northZ = new double[days.length];
        Arrays.fill(northZ, Double.NaN);

        int from = spec.from() == null ? Integer.MIN_VALUE : DateInts.of(spec.from());
        IntList sampleStock = new IntList();
        IntList sampleRow = new IntList();
        int[] cursor = new int[stockCount];
        int[] memberStock = new int[stockCount];
        int[] memberRow = new int[stockCount];
        double[] x = new double[stockCount];
        double[] scratch = new double[stockCount];
        for (int d = 0; d < days.length; d++) {
            int members = 0;
            for (int s = 0; s < stockCount; s++) {
                int r = cursor[s];
                if (r < dates[s].length && dates[s][r] == days[d]) {
                    memberStock[members] = s;
                    memberRow[members++] = r;
                    cursor[s]++;
                }
            }
            standardiseDay(panel, marketWide, memberStock, memberRow, members, factors, x, scratch);
            for (int i = 0; i < members; i++) {
                StockSeries series = stocks.get(memberStock[i]);
                int r = memberRow[i];
                traded[d]++;
                if (series.close()[r] > series.preClose()[r]) {
                    up[d]++;
                }
                if (limitFlags[memberStock[i]][r] == 1.0) {
                    limitUp[d]++;
                }
                if (north >= 0 && !Double.isNaN(panel.values(north, memberStock[i])[r])) {
                    northZ[d] = panel.values(north, memberStock[i])[r];
                }
                if (days[d] >= from && r >= spec.minHistory() - 1) {
                    sampleStock.add(memberStock[i]);
                    sampleRow.add(r);
                }
            }
        }
        float[] market = MarketFeatures.compute(days, traded, up, limitUp, northZ, cut.benchmarkClose());
        return new Dataset(spec, engine.factors().stream().map(f -> f.name()).toList(), codes, dates, dayOfRow,
                factors, labels, days, market, sampleStock.toArray(), sampleRow.toArray());
    }

    /** One day's cross sections, factor by factor, into the stocks' float matrices. */
    private static void standardiseDay(FactorPanel panel, boolean[] marketWide, int[] memberStock, int[] memberRow,
                                       int members, float[][] factors, double[] x, double[] scratch) {
        int factorCount = marketWide.length;
        for (int f = 0; f < factorCount; f++) {
            for (int i = 0; i < members; i++) {
                x[i] = panel.values(f, memberStock[i])[memberRow[i]];
            }
            if (marketWide[f]) {
                for (int i = 0; i < members; i++) {
                    x[i] = Math.max(-MarketFeatures.CLIP, Math.min(MarketFeatures.CLIP, x[i]));
                }
            } else {
                CrossSection.standardise(x, members, scratch);
            }
            for (int i = 0; i < members; i++) {
                // A missing value is 0, the day's average; the step stays valid (SPEC section 6 masks steps).
                factors[memberStock[i]][memberRow[i] * factorCount + f] = Double.isNaN(x[i]) ? 0f : (float) x[i];
            }
        }
    }

    /** Forward-adjusted closes: raw × adj_factor_rel, the prices whose ratios are total returns. */
    private static double[] adjustedCloses(StockSeries s) {
        double[] c = new double[s.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = s.close()[i] * s.adj(i);
        }
        return c;
    }

    /** A growing int array: sample lists reach millions of entries, too many to box. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
