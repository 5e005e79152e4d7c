package com.alphaquant.strategy;

import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param factorServiceUrl            where factors come from (factor-service's {@code GET /api/factors})
 * @param strategies                  the strategies run on every {@code factors.computed} (presets of libs/strategy: multi_factor, multi_factor_conservative, multi_factor_aggressive)
 * @param universe                    the traded ts_codes (A-share stocks: no index, B share, fund or bond), or
 *                                    {@code all} alone for every stock with factors that day
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
        checkUniverse(universe);
        factorServiceConnectTimeout = positive("factor-service-connect-timeout", factorServiceConnectTimeout, DEFAULT_CONNECT_TIMEOUT);
        factorServiceReadTimeout = positive("factor-service-read-timeout", factorServiceReadTimeout, DEFAULT_READ_TIMEOUT);
    }

    public boolean tradesAll() {
        return universe.size() == 1 && universe.get(0).equalsIgnoreCase("all");
    }

    /** {@code all} alone, or A-share stocks: a code that can never get a signal is a configuration mistake. */
    private static void checkUniverse(List<String> universe) {
        if (universe.size() == 1 && universe.get(0).equalsIgnoreCase("all")) {
            return;
        }
        for (String code : universe) {
            if (code == null || !TsCode.isValid(code) || !Board.isStock(TsCode.of(code))) {
                throw new IllegalArgumentException("alphaquant.strategy.universe: " + code
                        + " is not an A-share stock's ts_code (e.g. 600519.SH); list stocks, or all alone");
            }
        }
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
