package com.alphaquant.strategy.live;

import com.alphaquant.strategy.portfolio.MultiFactorPortfolio;
import com.alphaquant.strategy.risk.RiskParams;
import com.alphaquant.strategy.signal.MultiFactorParams;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;

/** A configured strategy: its name, version (part of every signal's key) and parameters. */
public record StrategyDefinition(String name, String version, MultiFactorParams signal, RiskParams risk) {

    /** The named presets. */
    public static StrategyDefinition preset(String name) {
        return switch (name) {
            case "multi_factor" -> new StrategyDefinition(name, "multi_factor-1", MultiFactorParams.DEFAULT, RiskParams.DEFAULT);
            default -> throw new IllegalArgumentException("Unknown strategy preset '" + name + "' (known: multi_factor)");
        };
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
