package com.alphaquant.backtest.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an optimisation looks for; a point whose figure is undefined ranks last. */
public enum Objective {
    MAX_RETURN("total_return", true),
    MAX_SHARPE("sharpe", true),
    MIN_DRAWDOWN("max_drawdown", false);

    private final String metric;
    private final boolean higherIsBetter;

    Objective(String metric, boolean higherIsBetter) {
        this.metric = metric;
        this.higherIsBetter = higherIsBetter;
    }

    /** The metric it ranks by, as named in the metrics map. */
    public String metric() {
        return metric;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Negative when {@code a} is the better value; undefined (null or NaN) after any defined one. */
    public int compare(Double a, Double b) {
        boolean aDefined = a != null && !a.isNaN();
        boolean bDefined = b != null && !b.isNaN();
        if (!aDefined || !bDefined) {
            return Boolean.compare(!aDefined, !bDefined);
        }
        return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
    }

    public static Objective parse(String text) {
        String all = Arrays.stream(values()).map(Objective::label).collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("objective is required: one of " + all);
        }
        for (Objective o : values()) {
            if (o.label().equalsIgnoreCase(text.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown objective '" + text + "': expected one of " + all);
    }
}
