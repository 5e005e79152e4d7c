package com.alphaquant.strategy.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code multi_factor} signal (SPEC section 4): each sub-score is the mean percentile rank
 * of its factors within the reference universe; the score is the weighted sum of the sub-scores
 * present for a stock, the weights renormalised over those present (a missing prediction or a
 * group whose factors are all in warm-up drops out); BUY above, SELL below the thresholds.
 * The same code scores backtests and live signals.
 */
public final class MultiFactorScorer {

    private final MultiFactorParams params;

    public MultiFactorScorer(MultiFactorParams params) {
        this.params = params;
    }

    /** Signals for {@code traded}, ranked within the whole cross-section; no industry neutrality. */
    public List<Signal> score(CrossSection day, List<String> traded) {
        return score(day, traded, Map.of());
    }

    /**
     * Signals for {@code traded}, ranked within the whole cross-section. When the parameters ask
     * for industry neutrality, the day's scores of every stock are demeaned within their industry
     * ({@code industryOf}: ts_code → industry; a stock absent is unclassified) and the residuals
     * ranked as percentiles across the cross-section, so the score stays in [0, 1] and the
     * thresholds keep their meaning.
     */
    public List<Signal> score(CrossSection day, List<String> traded, Map<String, String> industryOf) {
        Map<String, double[]> subScores = subScores(day);
        Map<String, Integer> index = day.index();
        double[] neutral = params.industryNeutral() ? neutralScores(day, subScores, industryOf) : null;
        List<Signal> signals = new ArrayList<>(traded.size());
        for (String code : traded) {
            Integer i = index.get(code);
            if (i == null) {
                continue; // no data that day: no signal
            }
            Map<String, Double> present = new LinkedHashMap<>();
            double score = composite(subScores, i, present);
            if (Double.isNaN(score)) {
                continue; // nothing to score on yet (every factor in warm-up)
            }
            if (neutral != null) {
                score = neutral[i];
            }
            Signal.Action action = score > params.buyAbove() ? Signal.Action.BUY
                    : score < params.sellBelow() ? Signal.Action.SELL : Signal.Action.HOLD;
            signals.add(new Signal(code, score, present, action));
        }
        return signals;
    }

    /** The weighted mean of stock i's present sub-scores (put into {@code present}); NaN when none. */
    private double composite(Map<String, double[]> subScores, int i, Map<String, Double> present) {
        double weighted = 0;
        double weights = 0;
        for (Map.Entry<String, double[]> sub : subScores.entrySet()) {
            double value = sub.getValue()[i];
            double weight = params.weights().getOrDefault(sub.getKey(), 0.0);
            if (!Double.isNaN(value)) {
                present.put(sub.getKey(), value);
                weighted += weight * value;
                weights += weight;
            }
        }
        return weights == 0 ? Double.NaN : weighted / weights;
    }

    /** Every stock's composite demeaned within its industry, then ranked across the day. */
    private double[] neutralScores(CrossSection day, Map<String, double[]> subScores, Map<String, String> industryOf) {
        double[] composite = new double[day.size()];
        String[] industries = new String[day.size()];
        for (int i = 0; i < composite.length; i++) {
            composite[i] = composite(subScores, i, new LinkedHashMap<>());
            industries[i] = industryOf.get(day.tsCodes().get(i));
        }
        return PercentileRank.of(IndustryNeutral.demean(composite, industries), true);
    }

    /** Every sub-score for every stock of the day (NaN where a stock has none of its factors). */
    public Map<String, double[]> subScores(CrossSection day) {
        Map<String, double[]> result = new LinkedHashMap<>();
        params.groups().forEach((group, factors) -> {
            double[] sum = new double[day.size()];
            int[] count = new int[day.size()];
            for (String spec : factors) {
                boolean lowerIsBetter = spec.startsWith("-");
                double[] ranks = PercentileRank.of(day.factor(lowerIsBetter ? spec.substring(1) : spec), !lowerIsBetter);
                for (int i = 0; i < ranks.length; i++) {
                    if (!Double.isNaN(ranks[i])) {
                        sum[i] += ranks[i];
                        count[i]++;
                    }
                }
            }
            double[] mean = new double[day.size()];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
            }
            result.put(group, mean);
        });
        result.put(MultiFactorParams.MODEL, PercentileRank.of(day.predictedReturn(), true));
        return result;
    }
}
