package com.alphaquant.strategy;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param factorServiceUrl            where factors come from (factor-service's {@code GET /api/factors})
 * @param strategies                  the strategies run on every {@code factors.computed} (presets of libs/strategy: multi_factor, multi_factor_conservative, multi_factor_aggressive)
 * @param universe                    the traded ts_codes, or {@code all} for every stock with factors that day
 * @param factorServiceConnectTimeout how long to wait for a connection to factor-service (default 2 s; null = default)
 * @param factorServiceReadTimeout    how long one factor request may take, reply included (default 120 s:
 *                                    a day of every stock's factors, computed on demand when not cached; null = default)
 */
@Validated
@ConfigurationProperties("alphaquant.strategy")
public record StrategyProperties(@NotBlank String factorServiceUrl, List<String> strategies, List<String> universe,
                                 Duration factorServiceConnectTimeout, Duration factorServiceReadTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

    public StrategyProperties {
        strategies = strategies == null || strategies.isEmpty() ? List.of("multi_factor") : List.copyOf(strategies);
        universe = universe == null || universe.isEmpty() ? List.of("all") : List.copyOf(universe);
        factorServiceConnectTimeout = positive("factor-service-connect-timeout", factorServiceConnectTimeout, DEFAULT_CONNECT_TIMEOUT);
        factorServiceReadTimeout = positive("factor-service-read-timeout", factorServiceReadTimeout, DEFAULT_READ_TIMEOUT);
    }

    public boolean tradesAll() {
        return universe.size() == 1 && universe.get(0).equalsIgnoreCase("all");
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("alphaquant.strategy." + name + " must be > 0, got " + value);
        }
        return value;
    }
}
