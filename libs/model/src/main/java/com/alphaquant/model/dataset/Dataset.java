package com.alphaquant.model.dataset;

import com.alphaquant.factor.engine.DateInts;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Model samples of a panel of stocks, one per (stock, day) with a bar, held compactly: each
 * stock's standardised factors as a rows × factors matrix of floats, each day's market vector
 * once, and three labels per row. Windows are cut from these only when a batch is gathered
 * ({@link SampleSource#gather}), so memory grows with stock-days, not with stock-days × seqLen.
 *
 * <p>Immutable once built ({@link DatasetBuilder}); views and gathers may run on any number of
 * threads.
 *
 * <p>A window's steps are the stock's own last {@code seqLen} bars up to the sample's day (a
 * suspended day has no bar, as in the factors' windows); the market vector of a step is that of
 * the step's date. Steps before the stock's first bar are zeros with mask 0.
 */
public final class Dataset {

    /** Part of a model's record: change it whenever inputs or labels can change for the same bars. */
    public static final String VERSION = "dataset-1";

    private final DatasetSpec spec;
    private final List<String> factorNames;
    private final String[] codes;
    private final int[][] dates;      // [stock][row] yyyymmdd
    private final int[][] dayOfRow;   // [stock][row] index into days
    private final float[][] factors;  // [stock][row * factorCount + f]
    private final float[][] labels;   // [stock][row * LABELS + label]
    private final int[] days;
    private final float[] market;     // [day * marketCount + m]
    private final int[] sampleStock;  // samples in (date, stock) order
    private final int[] sampleRow;

    Dataset(DatasetSpec spec, List<String> factorNames, String[] codes, int[][] dates, int[][] dayOfRow,
            float[][] factors, float[][] labels, int[] days, float[] market, int[] sampleStock, int[] sampleRow) {
        this.spec = spec;
        this.factorNames = List.copyOf(factorNames);
        this.codes = codes;
        this.dates = dates;
        this.dayOfRow = dayOfRow;
        this.factors = factors;
        this.labels = labels;
        this.days = days;
        this.market = market;
        this.sampleStock = sampleStock;
        this.sampleRow = sampleRow;
    }

    public DatasetSpec spec() {
        return spec;
    }

    /** The factors of each step, in this order (libs/factors' engine order, SPEC section 3). */
    public List<String> factorNames() {
        return factorNames;
    }

    /** The market features of each step, in this order (see {@link MarketFeatures}). */
    public List<String> marketNames() {
        return MarketFeatures.NAMES;
    }

    /** Labels in head order: forward log return, Sharpe, max drawdown (see {@link ForwardLabels}). */
    public List<String> labelNames() {
        return List.of("RETURN", "SHARPE", "MAX_DRAWDOWN");
    }

    public int stockCount() {
        return codes.length;
    }

    /** Every sample, labelled or not, in (date, stock) order. */
    public SampleSource all() {
        return view(id -> true);
    }

    /** The samples whose three labels are known: what training and evaluation can use. */
    public SampleSource labelled() {
        return view(this::isLabelled);
    }

    /** The distinct dates of the samples, increasing. */
    public List<LocalDate> sampleDates() {
        return Arrays.stream(distinctSampleDates()).mapToObj(DateInts::toLocalDate).toList();
    }

    /**
     * One sample per stock with a bar on {@code date} and at least minHistory bars up to it, the
     * stock's labels attached where known: what a prediction for that day reads. Any date up to
     * the spec's {@code to} with bars works, also one before {@code from}.
     *
     * @throws IllegalArgumentException when no stock has a bar on {@code date}
     */
    public SampleSource inference(LocalDate date) {
        return inference(date, null);
    }

    /** {@link #inference(LocalDate)} restricted to {@code tsCodes} (null: all); absent codes are skipped. */
    public SampleSource inference(LocalDate date, Collection<String> tsCodes) {
        int day = Arrays.binarySearch(days, DateInts.of(date));
        if (day < 0) {
            throw new IllegalArgumentException("No bars on " + date + " in this data set (" + DateInts.toLocalDate(days[0])
                    + " to " + DateInts.toLocalDate(days[days.length - 1]) + ")");
        }
        Set<String> wanted = tsCodes == null ? null : new HashSet<>(tsCodes);
        int[] stocks = new int[codes.length];
        int[] rows = new int[codes.length];
        int n = 0;
        for (int s = 0; s < codes.length; s++) {
            int row = Arrays.binarySearch(dates[s], days[day]);
            if (row >= spec.minHistory() - 1 && (wanted == null || wanted.contains(codes[s]))) {
                stocks[n] = s;
                rows[n++] = row;
            }
        }
        return new DatasetView(this, Arrays.copyOf(stocks, n), Arrays.copyOf(rows, n));
    }

    /** Bytes held by the arrays (what a data set costs in heap, give or take object headers). */
    public long storageBytes() {
        long bytes = 4L * (days.length + market.length + sampleStock.length + sampleRow.length);
        for (int s = 0; s < codes.length; s++) {
            bytes += 4L * (dates[s].length + dayOfRow[s].length + factors[s].length + labels[s].length);
        }
        return bytes;
    }

    // --- for views and splits ---

    int sampleCount() {
        return sampleStock.length;
    }

    int sampleDate(int id) {
        return dates[sampleStock[id]][sampleRow[id]];
    }

    boolean isLabelled(int id) {
        float[] l = labels[sampleStock[id]];
        int o = sampleRow[id] * Samples.LABELS;
        return !Float.isNaN(l[o]) && !Float.isNaN(l[o + 1]) && !Float.isNaN(l[o + 2]);
    }

    /** The date of the last bar the sample's labels read; only for labelled samples. */
    int labelEndDate(int id) {
        return dates[sampleStock[id]][sampleRow[id] + spec.horizon()];
    }

    int[] distinctSampleDates() {
        return Arrays.stream(sampleStock.length == 0 ? new int[0] : idsToDates()).distinct().toArray();
    }

    private int[] idsToDates() {
        int[] out = new int[sampleStock.length];
        for (int id = 0; id < out.length; id++) {
            out[id] = sampleDate(id);
        }
        return out;
    }

    SampleSource view(IntPredicate sampleIds) {
        int[] stocks = new int[sampleStock.length];
        int[] rows = new int[sampleStock.length];
        int n = 0;
        for (int id = 0; id < sampleStock.length; id++) {
            if (sampleIds.test(id)) {
                stocks[n] = sampleStock[id];
                rows[n++] = sampleRow[id];
            }
        }
        return new DatasetView(this, Arrays.copyOf(stocks, n), Arrays.copyOf(rows, n));
    }

    String code(int stock) {
        return codes[stock];
    }

    int date(int stock, int row) {
        return dates[stock][row];
    }

    /** Writes one window (seqLen steps ending at {@code row}) into the batch arrays at sample slot {@code i}. */
    void fill(int stock, int row, int i, float[] f, float[] m, float[] mask, float[] y) {
        int seqLen = spec.seqLen();
        int fc = factorNames.size();
        int mc = MarketFeatures.COUNT;
        int first = row - seqLen + 1;
        for (int j = Math.max(0, -first); j < seqLen; j++) {
            int r = first + j;
            int step = i * seqLen + j;
            System.arraycopy(factors[stock], r * fc, f, step * fc, fc);
            System.arraycopy(market, dayOfRow[stock][r] * mc, m, step * mc, mc);
            mask[step] = 1f;
        }
        System.arraycopy(labels[stock], row * Samples.LABELS, y, i * Samples.LABELS, Samples.LABELS);
    }
}
