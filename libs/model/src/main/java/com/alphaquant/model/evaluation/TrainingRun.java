package com.alphaquant.model.evaluation;

import com.alphaquant.factor.evaluation.Summary;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.TimeSplits;
import com.alphaquant.model.net.ModelConfig;
import com.alphaquant.model.train.HeadLosses;
import com.alphaquant.model.train.LabelMeans;
import com.alphaquant.model.train.ModelTrainer;
import com.alphaquant.model.train.ProgressListener;
import com.alphaquant.model.train.TrainOptions;
import com.alphaquant.model.train.TrainedModel;
import com.alphaquant.model.train.TrainingOutcome;
import com.alphaquant.model.train.TrainingReport;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One training run from a built dataset to a scored model, the same for the CLI's
 * {@code train} and model-service's training jobs: split by time (train &lt; valid &lt; test, a
 * label horizon apart), train, then score the kept weights on the test split — loss per head
 * against predicting the training mean, and the return head's IC and rank IC against the best
 * single built-in factor on the same days.
 *
 * @param validStart first day of the validation split; null: the dates split 70/15/15
 * @param testStart  first day of the test split; null with validStart
 */
public record TrainingRun(String preset, ModelConfig config, TrainOptions options, LocalDate validStart, LocalDate testStart) {

    /** Batch size for scoring (no gradients, so larger than training's). */
    private static final int SCORING_BATCH = 1024;

    public TrainingRun {
        if ((validStart == null) != (testStart == null)) {
            throw new IllegalArgumentException("validStart and testStart go together");
        }
    }

    /** The {@code preset} network for {@code data}'s window, factors and market features. */
    public static TrainingRun of(String preset, Dataset data, TrainOptions options, LocalDate validStart, LocalDate testStart) {
        ModelConfig config = ModelConfig.preset(preset, data.spec().seqLen(), data.factorNames().size(), data.marketNames().size());
        return new TrainingRun(preset, config, options, validStart, testStart);
    }

    /** A run that finished with a model: the caller owns (and closes) {@link #model()}. */
    public record Result(TrainedModel model, TrainingReport report, TimeSplits splits, HeadLosses validLoss, HeadLosses testLoss,
                         HeadLosses baselineTestLoss, ReturnSkill testSkill) {

        /** The registry's metrics: losses per head, the baseline's, the return head's skill beside the best factor's. */
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("validLoss", losses(validLoss));
            m.put("baselineValidLoss", losses(report.baselineValidLoss()));
            m.put("testLoss", losses(testLoss));
            m.put("baselineTestLoss", losses(baselineTestLoss));
            m.put("testIc", summary(testSkill.ic()));
            m.put("testRankIc", summary(testSkill.rankIc()));
            m.put("testLongShortDecileSpread", finite(testSkill.longShortSpread()));
            m.put("testDays", testSkill.days());
            m.put("bestFactor", testSkill.bestFactor());
            m.put("bestFactorTestIc", summary(testSkill.bestFactorIc()));
            m.put("bestFactorTestRankIc", summary(testSkill.bestFactorRankIc()));
            m.put("bestEpoch", report.bestEpoch());
            m.put("epochs", report.epochs().size());
            m.put("stoppedEarly", report.stoppedEarly());
            m.put("seed", report.seed());
            m.put("samplesPerSecond", finite(report.samplesPerSecond()));
            m.put("trainingSeconds", report.elapsed().toMillis() / 1000.0);
            return m;
        }

        /** First and last day and sample counts of each split. */
        public Map<String, Object> dataRange(Dataset data) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<LocalDate> dates = data.sampleDates();
            m.put("firstDay", dates.isEmpty() ? null : dates.get(0).toString());
            m.put("lastDay", dates.isEmpty() ? null : dates.get(dates.size() - 1).toString());
            m.put("validStart", splits.validStart().toString());
            m.put("testStart", splits.testStart().toString());
            m.put("stocks", data.stockCount());
            m.put("trainSamples", splits.train().size());
            m.put("validSamples", splits.valid().size());
            m.put("testSamples", splits.test().size());
            m.put("seqLen", data.spec().seqLen());
            m.put("horizon", data.spec().horizon());
            return m;
        }
    }

    /**
     * Trains on {@code data}; empty when {@code cancelled} said so before the end.
     *
     * @throws IllegalArgumentException when a split is empty or the dates do not split the data
     */
    public Optional<Result> run(Dataset data, ProgressListener listener, BooleanSupplier cancelled) {
        TimeSplits splits = validStart == null ? TimeSplits.byFraction(data, 0.70, 0.15) : TimeSplits.at(data, validStart, testStart);
        TrainingOutcome outcome = new ModelTrainer(config, options).train(splits.train(), splits.valid(), listener, cancelled);
        if (!(outcome instanceof TrainingOutcome.Completed done)) {
            return Optional.empty();
        }
        TrainedModel model = done.model();
        try {
            HeadLosses validLoss = model.evaluate(splits.valid(), SCORING_BATCH);
            HeadLosses testLoss = model.evaluate(splits.test(), SCORING_BATCH);
            HeadLosses baseline = LabelMeans.loss(done.report().trainingMeans(), splits.test(), SCORING_BATCH);
            ReturnSkill skill = ReturnSkill.of(CrossSections.of(splits.test(), model::predict, SCORING_BATCH), data.factorNames());
            return Optional.of(new Result(model, done.report(), splits, validLoss, testLoss, baseline, skill));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The network and training options, for the registry. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", preset);
        m.put("seqLen", config.seqLen());
        m.put("factorCount", config.factorCount());
        m.put("marketCount", config.marketCount());
        m.put("dModel", config.dModel());
        m.put("heads", config.heads());
        m.put("dFf", config.dFf());
        m.put("layers", config.layers());
        m.put("dropout", config.dropout());
        m.put("epochs", options.epochs());
        m.put("batchSize", options.batchSize());
        m.put("learningRate", options.learningRate());
        m.put("finalLearningRate", options.finalLearningRate());
        m.put("warmupFraction", options.warmupFraction());
        m.put("weightDecay", options.weightDecay());
        m.put("clipNorm", options.clipNorm());
        m.put("patience", options.patience());
        m.put("seed", options.seed());
        m.put("device", options.device().name().toLowerCase(Locale.ROOT));
        return m;
    }

    /** Losses as the registry and the job detail show them: total and per head, null where undefined. */
    public static Map<String, Object> losses(HeadLosses l) {
        if (l == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", finite(l.total()));
        m.put("return", finite(l.returnLoss()));
        m.put("sharpe", finite(l.sharpeLoss()));
        m.put("drawdown", finite(l.drawdownLoss()));
        return m;
    }

    static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", finite(s.mean()));
        m.put("std", finite(s.std()));
        m.put("ir", finite(s.ir()));
        m.put("tStat", finite(s.tStat()));
        m.put("days", s.days());
        return m;
    }

    /** JSON has no NaN: an undefined figure is null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
