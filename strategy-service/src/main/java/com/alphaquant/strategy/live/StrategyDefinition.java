package com.alphaquant.strategy.live;

import com.alphaquant.strategy.portfolio.MultiFactorPortfolio;
import com.alphaquant.strategy.preset.StrategyPreset;
import com.alphaquant.strategy.preset.StrategyPresets;
import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.MultiFactorParams;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;

/** A configured strategy: its name, version (part of every signal's key) and parameters. */
public record StrategyDefinition(String name, String version, MultiFactorParams signal, RiskParams risk) {

    /** A named preset of libs/strategy ({@code presets/<name>.yml}, e.g. multi_factor); an unknown name fails listing the known. */
    public static StrategyDefinition preset(String name) {
        StrategyPreset p = StrategyPresets.load(name);
        return new StrategyDefinition(p.name(), p.version(), p.signal(), p.risk());
    }

    /**
     * This strategy run industry-neutral: the same parameters with the score demeaned within each
     * industry, under its own version ({@code <version>+ind}: short, since versions are stored in
     * 32 characters), so its signals never overwrite the plain ones.
     */
    public StrategyDefinition industryNeutral() {
        return signal.industryNeutral() ? this
                : new StrategyDefinition(name, version + "+ind", signal.withIndustryNeutral(true), risk);
    }

    /** The shared signals → weights → risk logic with this strategy's parameters. */
    public MultiFactorPortfolio portfolio() {
        return new MultiFactorPortfolio(signal, risk);
    }

    /** The factor names the signal needs (a leading '-' only says lower ranks higher). */
    public List<String> factorNames() {
        Set<String> names = new TreeSet<>(); // sorted: a stable query
        signal.groups().values().forEach(g -> g.forEach(f -> names.add(f.startsWith("-") ? f.substring(1) : f)));
        return List.copyOf(names);
    }
}
