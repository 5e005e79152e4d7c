package com.alphaquant.cli;

import com.alphaquant.backtest.strategy.DailyPredictions;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetBuilder;
import com.alphaquant.model.dataset.DatasetSpec;
import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.ModelConfig;
import com.alphaquant.model.train.TrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A model saved by {@code alphaquant train --out DIR} as multi_factor's model sub-score in a
 * backtest: one dataset over the backtest's bars, with the model's window, and per decision day
 * the return head's predictions for every stock with enough history that day.
 *
 * <p>One dataset serves every day and is still point in time: its factors at a day read bars up
 * to that day only, its standardisation is that day's cross-section, and labels are never read.
 * So a day's predictions are those model-service makes from bars cut at that day (a test checks
 * it), and the ones strategy-service scores live.
 */
final class SavedModelPredictions implements DailyPredictions, AutoCloseable {

    private final Path dir;
    private final TrainedModel model;
    private Dataset data;
    private LocalDate cachedDay;
    private Map<String, Double> cached = Map.of();
    private long asked;
    private long predicted;

    private SavedModelPredictions(Path dir, TrainedModel model) {
        this.dir = dir;
        this.model = model;
    }

    /**
     * Loads the model in {@code dir}.
     *
     * @throws IllegalArgumentException naming {@code --model} when {@code dir} holds no saved model
     */
    static SavedModelPredictions load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--model " + dir + " is not a directory: give a model directory saved by 'alphaquant train --out DIR'");
        }
        try {
            return new SavedModelPredictions(dir, TrainedModel.load(dir));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model " + dir + ": " + e.getMessage()
                    + " (a model directory is what 'alphaquant train --out DIR' saves)", e);
        }
    }

    /** Builds the dataset the predictions read: samples from {@code from} to {@code to}, earlier bars as history, none later. */
    SavedModelPredictions over(PanelInput input, LocalDate from, LocalDate to) {
        DatasetSpec spec = DatasetSpec.defaults().withSeqLen(model.config().seqLen()).withDates(from, to);
        Dataset built = new DatasetBuilder(spec, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))).build(input);
        if (built.factorNames().size() != model.config().factorCount() || built.marketNames().size() != model.config().marketCount()) {
            throw new IllegalArgumentException("--model " + dir + " reads " + model.config().factorCount() + " factors and "
                    + model.config().marketCount() + " market features per step; this build computes " + built.factorNames().size()
                    + " and " + built.marketNames().size() + ": retrain it");
        }
        data = built;
        return this;
    }

    @Override
    public double[] forDay(LocalDate day, List<String> tsCodes) {
        if (!day.equals(cachedDay)) {
            cached = predict(day);
            cachedDay = day;
        }
        double[] out = new double[tsCodes.size()];
        for (int i = 0; i < out.length; i++) {
            Double p = cached.get(tsCodes.get(i));
            out[i] = p == null ? Double.NaN : p;
            asked++;
            predicted += p == null ? 0 : 1;
        }
        return out;
    }

    /** The day's predicted forward log returns by code: every stock with enough history that day. */
    private Map<String, Double> predict(LocalDate day) {
        if (data == null) {
            throw new IllegalStateException("No dataset: call over(...) first");
        }
        SampleSource source;
        try {
            source = data.inference(day);
        } catch (IllegalArgumentException e) {
            return Map.of(); // no stock traded that day: nothing to predict
        }
        if (source.size() == 0) {
            return Map.of();
        }
        Samples samples = source.gather(IntStream.range(0, source.size()).toArray());
        float[] out = model.predict(samples);
        Map<String, Double> byCode = new HashMap<>(samples.size() * 2);
        for (int i = 0; i < samples.size(); i++) {
            byCode.put(samples.keys().get(i).tsCode(), (double) out[i * ModelConfig.HEADS]);
        }
        return byCode;
    }

    /** What the run's record says about the model: its directory and shape. */
    String describe() {
        ModelConfig c = model.config();
        return dir + " (seq_len " + c.seqLen() + ", d_model " + c.dModel() + ", " + c.layers() + " layers, "
                + model.parameterCount() + " parameters)";
    }

    /** Stock-days the strategy asked for, and how many of them had a prediction. */
    long asked() {
        return asked;
    }

    long predicted() {
        return predicted;
    }

    @Override
    public void close() {
        model.close();
    }
}
