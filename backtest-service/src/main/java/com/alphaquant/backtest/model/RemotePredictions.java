package com.alphaquant.backtest.model;

import com.alphaquant.backtest.strategy.DailyPredictions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registered model's predictions as multi_factor's model sub-score: one model-service call per
 * decision day, answered for that day's close from bars up to that day (model-service builds the
 * day's inputs from nothing later), as strategy-service scores the live signals of day D with the
 * predictions model-service published on D's {@code factors.computed}. A day's answer is kept, so
 * every point of an optimisation grid shares one call per day.
 */
public final class RemotePredictions implements DailyPredictions {

    private final ModelServiceClient client;
    private final UUID model;
    private final String name;
    private final Map<LocalDate, Map<String, Double>> days = new ConcurrentHashMap<>();
    private final AtomicInteger daysWithout = new AtomicInteger();

    public RemotePredictions(ModelServiceClient client, UUID model, String name) {
        this.client = client;
        this.model = model;
        this.name = name;
    }

    @Override
    public double[] forDay(LocalDate day, List<String> tsCodes) {
        Map<String, Double> predicted = days.computeIfAbsent(day, d -> {
            Map<String, Double> answer = client.predict(model, d);
            if (answer.isEmpty()) {
                daysWithout.incrementAndGet();
            }
            return answer;
        });
        double[] out = new double[tsCodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predicted.getOrDefault(tsCodes.get(i), Double.NaN);
        }
        return out;
    }

    /** What the run's record says about the model. */
    public Map<String, Object> describe() {
        return Map.of("id", model.toString(), "name", name, "daysPredicted", days.size() - daysWithout.get(),
                "daysWithoutPredictions", daysWithout.get());
    }
}
