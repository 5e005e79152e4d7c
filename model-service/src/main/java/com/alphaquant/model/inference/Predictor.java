package com.alphaquant.model.inference;

import com.alphaquant.events.ModelPredictions;
import com.alphaquant.model.data.ModelData;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetSpec;
import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import com.alphaquant.model.net.ModelConfig;
import com.alphaquant.model.train.TrainedModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * A model's predictions for one day: the day's dataset is built from bars up to that day only (so
 * nothing later can reach a prediction), standardised across every stock the source has that day
 * (as in training), then the requested stocks are run through the model in one batch.
 */
@Component
public class Predictor {

    private final ModelData data;
    private volatile DayData last;

    public Predictor(ModelData data) {
        this.data = data;
    }

    /**
     * Predictions of {@code model} for {@code tsCodes} (every stock with enough history when
     * empty) on {@code date}, in the order the dataset holds them.
     *
     * @throws IllegalArgumentException when there are no bars on {@code date}
     */
    public List<ModelPredictions.Prediction> predict(TrainedModel model, LocalDate date, Collection<String> tsCodes) {
        ModelConfig config = model.config();
        Dataset day = dataset(date, config.seqLen());
        SampleSource source = day.inference(date, tsCodes.isEmpty() ? null : tsCodes);
        if (source.size() == 0) {
            return List.of();
        }
        Samples samples = source.gather(IntStream.range(0, source.size()).toArray());
        float[] out = model.predict(samples);
        List<ModelPredictions.Prediction> predictions = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            predictions.add(new ModelPredictions.Prediction(samples.keys().get(i).tsCode(), out[i * 3], out[i * 3 + 1], out[i * 3 + 2]));
        }
        return predictions;
    }

    /** The last day's dataset is kept: a day's batch and single-stock requests that follow it reuse it. */
    private Dataset dataset(LocalDate date, int seqLen) {
        DayData cached = last;
        if (cached != null && cached.date.equals(date) && cached.seqLen == seqLen) {
            return cached.dataset;
        }
        DatasetSpec spec = DatasetSpec.defaults().withSeqLen(seqLen).withDates(date, date);
        Dataset built = data.build(spec, List.of());
        last = new DayData(date, seqLen, built);
        return built;
    }

    private record DayData(LocalDate date, int seqLen, Dataset dataset) {
    }
}
