package com.alphaquant.data;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * data-service settings under {@code alphaquant.data}.
 *
 * @param tushare how to reach Tushare and how hard to call it (SPEC section 7)
 * @param batchSize no longer read: bars and factors go in one binary COPY per unit (kept so
 *                  existing settings still bind)
 * @param cycle     the daily update after the close
 */
@Validated
@ConfigurationProperties("alphaquant.data")
public record DataProperties(@Valid @NotNull Tushare tushare, @Min(100) int batchSize, @Valid @NotNull Cycle cycle) {

    /**
     * The daily cycle: after the close it ingests what is missing up to today; a whole-market day
     * that comes back empty (Tushare has not published it yet) is tried again with backoff until
     * {@code lateAfter} past that day's close, then reported late.
     *
     * @param enabled    whether the schedule runs (the API's ingest works either way)
     * @param cron       when, in Asia/Shanghai (Spring cron: second minute hour day month weekday)
     * @param start      the first day the cycle keeps complete
     * @param retryCheck how often due retries are looked for
     * @param retryBase  the wait after the first empty answer, doubled after each further one
     * @param retryMax   the longest wait between attempts
     * @param lateAfter  time after a day's close (15:00) past which an empty day is late
     */
    public record Cycle(boolean enabled, @NotBlank String cron, @NotNull LocalDate start, @NotNull Duration retryCheck,
                        @NotNull Duration retryBase, @NotNull Duration retryMax, @NotNull Duration lateAfter) {
    }

    /**
     * @param url            the Tushare Pro endpoint (or a tushare-sim)
     * @param token          from {@code TUSHARE_TOKEN}; never logged, never in {@link #toString()}
     * @param callsPerMinute the account tier's limit per API (about 50 at 120 points, 200 at 2000, 500 at 5000)
     * @param concurrency    requests in flight at once (5 at 2000 points)
     * @param rowCap         most rows one call returns (6000 for daily)
     */
    public record Tushare(@NotBlank String url, String token, @Min(1) int callsPerMinute, @Min(1) int concurrency,
                          @Min(1) int rowCap, @NotNull Duration timeout, @Min(0) int maxRetries,
                          @NotNull Duration backoffBase, @NotNull Duration backoffMax) {

        @Override
        public String toString() {
            return "Tushare[url=" + url + ", token=" + (token == null || token.isBlank() ? "<unset>" : "<set>")
                    + ", callsPerMinute=" + callsPerMinute + ", concurrency=" + concurrency + ", rowCap=" + rowCap + "]";
        }
    }
}
