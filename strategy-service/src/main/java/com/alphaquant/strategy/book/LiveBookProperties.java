package com.alphaquant.strategy.book;

import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live paper books ({@code alphaquant.strategy.live}).
 *
 * @param enabled        whether each daily cycle advances the books (default true)
 * @param startDate      the books' first day; null: the first trading day with stored decisions
 * @param initialCapital CNY (default 1,000,000)
 * @param benchmark      the index the book is compared with (default 000300.SH)
 * @param dataServiceUrl where bars, limits, the calendar and ST history come from (data-service's quote API)
 * @param readTimeout    how long one data-service call may take (default 30 s)
 */
@ConfigurationProperties("alphaquant.strategy.live")
public record LiveBookProperties(Boolean enabled, LocalDate startDate, Double initialCapital, String benchmark,
                                 String dataServiceUrl, Duration readTimeout) {

    public static final double DEFAULT_CAPITAL = 1_000_000;

    public LiveBookProperties {
        enabled = enabled == null || enabled;
        initialCapital = initialCapital == null ? DEFAULT_CAPITAL : initialCapital;
        if (!(initialCapital > 0)) {
            throw new IllegalArgumentException("alphaquant.strategy.live.initial-capital must be > 0, got " + initialCapital);
        }
        benchmark = benchmark == null || benchmark.isBlank() ? "000300.SH" : benchmark;
        dataServiceUrl = dataServiceUrl == null || dataServiceUrl.isBlank() ? "http://localhost:8081" : dataServiceUrl;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }
}
