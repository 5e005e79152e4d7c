package com.alphaquant.model.jobs;

import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.model.data.ModelData;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.net.Torch;
import com.alphaquant.model.train.TrainedModel;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a model was made with, for its registry entry: data, dataset, factor engine and DJL engine versions. */
final class Versions {

    private Versions() {
    }

    static Map<String, Object> of(ModelData data, TrainedModel model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data.describe());
        m.put("dataset", Dataset.VERSION);
        m.put("factorEngine", FactorEngine.VERSION);
        m.put("engine", Torch.ENGINE + " " + Torch.engine().getVersion());
        m.put("djl", ai.djl.engine.Engine.getDjlVersion());
        m.put("parameters", model.parameterCount());
        return m;
    }
}
