package com.alphaquant.strategy.preset;

import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.MultiFactorParams;

/**
 * A named strategy configuration, read from {@code presets/<name>.yml} by {@link StrategyPresets}.
 *
 * @param version part of every published signal's key; a preset whose values change gets a new one
 */
public record StrategyPreset(String name, String version, MultiFactorParams signal, RiskParams risk) {
}
