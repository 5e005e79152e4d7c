package com.alphaquant.strategy;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param factorServiceUrl where factors come from (factor-service's {@code GET /api/factors})
 * @param strategies       the strategies run on every {@code factors.computed} (presets of libs/strategy: multi_factor, multi_factor_conservative, multi_factor_aggressive)
 * @param universe         the traded ts_codes, or {@code all} for every stock with factors that day
 */
@Validated
@ConfigurationProperties("alphaquant.strategy")
public record StrategyProperties(@NotBlank String factorServiceUrl, List<String> strategies, List<String> universe) {

    public StrategyProperties {
        strategies = strategies == null || strategies.isEmpty() ? List.of("multi_factor") : List.copyOf(strategies);
        universe = universe == null || universe.isEmpty() ? List.of("all") : List.copyOf(universe);
    }

    public boolean tradesAll() {
        return universe.size() == 1 && universe.get(0).equalsIgnoreCase("all");
    }
}
