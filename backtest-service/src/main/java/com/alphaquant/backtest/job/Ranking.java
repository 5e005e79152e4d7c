package com.alphaquant.backtest.job;

import com.alphaquant.backtest.store.GridPointRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Orders computed grid points by an objective: best first, undefined figures last, ties by point number. */
public final class Ranking {

    /** A point with its objective value (null when undefined). */
    public record Ranked(GridPointRecord point, JsonNode metrics, Double value) {}

    private Ranking() {
    }

    public static List<Ranked> rank(List<GridPointRecord> points, Objective objective, JsonMapper json) {
        List<Ranked> ranked = new ArrayList<>(points.size());
        for (GridPointRecord p : points) {
            JsonNode metrics = json.readTree(p.metrics());
            JsonNode v = metrics.get(objective.metric());
            ranked.add(new Ranked(p, metrics, v == null || !v.isNumber() ? null : v.asDouble()));
        }
        ranked.sort(order(objective, Ranked::value, r -> r.point().point()));
        return ranked;
    }

    /** The ranking order over any kind of point: by its objective value, best first, then by point number. */
    public static <T> Comparator<T> order(Objective objective, Function<T, Double> value, ToIntFunction<T> point) {
        Comparator<T> byObjective = (a, b) -> objective.compare(value.apply(a), value.apply(b));
        return byObjective.thenComparingInt(point);
    }
}
