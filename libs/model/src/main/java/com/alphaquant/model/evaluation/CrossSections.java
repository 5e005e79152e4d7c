package com.alphaquant.model.evaluation;

import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A split's samples regrouped by day, each day a cross-section of stocks: the model's predicted
 * forward return, the realised one (the return label) and every factor's value on the prediction
 * day, ready for daily information coefficients. Samples without a return label are left out.
 */
public final class CrossSections {

    private final int[] dates;
    private final double[][] predicted;   // [day][stock in that day]
    private final double[][] realised;
    private final double[][][] factors;   // [factor][day][stock]

    private CrossSections(int[] dates, double[][] predicted, double[][] realised, double[][][] factors) {
        this.dates = dates;
        this.predicted = predicted;
        this.realised = realised;
        this.factors = factors;
    }

    /**
     * Runs {@code model} (samples → size × 3 outputs, return head first) over {@code source} in
     * batches of {@code batchSize}.
     */
    public static CrossSections of(SampleSource source, Function<Samples, float[]> model, int batchSize) {
        int factorCount = source.factorCount();
        int seqLen = source.seqLen();
        Map<LocalDate, List<double[]>> byDay = new TreeMap<>(); // per sample: predicted, realised, factors...
        for (int from = 0; from < source.size(); from += batchSize) {
            int[] indices = new int[Math.min(batchSize, source.size() - from)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            Samples batch = source.gather(indices);
            float[] out = model.apply(batch);
            for (int i = 0; i < indices.length; i++) {
                float label = batch.labels()[i * Samples.LABELS];
                if (Float.isNaN(label)) {
                    continue;
                }
                double[] row = new double[2 + factorCount];
                row[0] = out[i * Samples.LABELS];
                row[1] = label;
                int last = (i * seqLen + seqLen - 1) * factorCount; // the prediction day's factors
                for (int f = 0; f < factorCount; f++) {
                    row[2 + f] = batch.factors()[last + f];
                }
                byDay.computeIfAbsent(batch.keys().get(i).date(), d -> new ArrayList<>()).add(row);
            }
        }
        int days = byDay.size();
        int[] dates = new int[days];
        double[][] predicted = new double[days][];
        double[][] realised = new double[days][];
        double[][][] factors = new double[factorCount][days][];
        int d = 0;
        for (Map.Entry<LocalDate, List<double[]>> day : byDay.entrySet()) {
            LocalDate date = day.getKey();
            List<double[]> rows = day.getValue();
            dates[d] = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
            predicted[d] = column(rows, 0);
            realised[d] = column(rows, 1);
            for (int f = 0; f < factorCount; f++) {
                factors[f][d] = column(rows, 2 + f);
            }
            d++;
        }
        return new CrossSections(dates, predicted, realised, factors);
    }

    /** Days, as yyyymmdd, in order. */
    public int[] dates() {
        return dates.clone();
    }

    public double[][] predicted() {
        return predicted;
    }

    public double[][] realised() {
        return realised;
    }

    /** One factor's values, {@code [day][stock]}, in the same order as {@link #realised()}. */
    public double[][] factor(int index) {
        return factors[index];
    }

    public int factorCount() {
        return factors.length;
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
