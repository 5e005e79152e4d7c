package com.alphaquant.backtest.spec;

import com.alphaquant.strategy.portfolio.MultiFactorPortfolio;
import com.alphaquant.strategy.preset.StrategyPreset;
import com.alphaquant.strategy.preset.StrategyPresets;
import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.MultiFactorParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numeric strategy parameters of {@code multi_factor} in a backtest (for {@code
 * strategyParameters} and optimisation grids), their defaults those of the {@code multi_factor}
 * preset (libs/strategy {@code presets/multi_factor.yml}): {@code buy_above}, {@code sell_below},
 * {@code weight_<sub-score>} for each sub-score and the model, every risk limit ({@code
 * max_position}, {@code max_single_trade}, {@code max_exposure}, {@code stop_loss}, {@code
 * trailing_stop}, {@code target_vol}, {@code vol_window}), and {@code use_prices} (1: the book
 * carries closes, so the stops and volatility targeting act; 0: weights only, the stops
 * and volatility targeting off), and {@code industry_neutral} (1: the score demeaned within each
 * industry of the panel's classification before the thresholds; 0, the default: not). The factor
 * groups are the preset's.
 */
public final class MultiFactorParameters {

    public static final String USE_PRICES = "use_prices";
    public static final String INDUSTRY_NEUTRAL = "industry_neutral";

    private MultiFactorParameters() {
    }

    /** Every parameter with its default: the {@code multi_factor} preset's values. */
    public static Map<String, Double> defaults() {
        return defaults(StrategyPresets.DEFAULT);
    }

    /** Every parameter with the value of the named preset (one of {@link StrategyPresets#NAMES}). */
    public static Map<String, Double> defaults(String preset) {
        return values(StrategyPresets.load(preset));
    }

    private static Map<String, Double> values(StrategyPreset p) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("buy_above", p.signal().buyAbove());
        d.put("sell_below", p.signal().sellBelow());
        p.signal().weights().forEach((sub, w) -> d.put("weight_" + sub, w));
        RiskParams r = p.risk();
        d.put("max_position", r.maxPosition());
        d.put("max_single_trade", r.maxSingleTrade());
        d.put("max_exposure", r.maxExposure());
        d.put("stop_loss", r.stopLoss());
        d.put("trailing_stop", r.trailingStop());
        d.put("target_vol", r.targetVol());
        d.put("vol_window", (double) r.volWindow());
        d.put(USE_PRICES, 1.0);
        d.put(INDUSTRY_NEUTRAL, 0.0);
        return d;
    }

    /**
     * The shared portfolio logic over the named preset: its factor groups, its values where
     * {@code given} has none.
     *
     * @throws IllegalArgumentException naming the parameter when a value is out of range
     */
    public static MultiFactorPortfolio portfolio(String preset, Map<String, Double> given) {
        StrategyPreset p = StrategyPresets.load(preset); // read once: its values and its groups
        Map<String, Double> v = new LinkedHashMap<>(values(p));
        v.putAll(given);
        MultiFactorParams base = p.signal();
        Map<String, Double> weights = new LinkedHashMap<>();
        base.weights().keySet().forEach(sub -> weights.put(sub, v.get("weight_" + sub)));
        MultiFactorParams signal = new MultiFactorParams(base.groups(), weights, v.get("buy_above"), v.get("sell_below"),
                flag(INDUSTRY_NEUTRAL, v.get(INDUSTRY_NEUTRAL), "industry-neutral scores", "plain scores"));
        double window = v.get("vol_window");
        if (window != Math.rint(window)) {
            throw new IllegalArgumentException("vol_window must be a whole number of days, got " + window);
        }
        RiskParams risk = new RiskParams(v.get("max_position"), v.get("max_single_trade"), v.get("max_exposure"),
                v.get("stop_loss"), v.get("trailing_stop"), v.get("target_vol"), (int) window);
        return new MultiFactorPortfolio(signal, risk);
    }

    /** Whether the book carries closes ({@code use_prices} is 1 or 0). */
    public static boolean usePrices(Map<String, Double> given) {
        return flag(USE_PRICES, given.getOrDefault(USE_PRICES, 1.0), "closes in the book", "weights only");
    }

    private static boolean flag(String name, double value, String one, String zero) {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException(name + " must be 1 (" + one + ") or 0 (" + zero + "), got " + value);
        }
        return value == 1;
    }
}
