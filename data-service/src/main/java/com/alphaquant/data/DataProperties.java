package com.alphaquant.data;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * data-service settings under {@code alphaquant.data}.
 *
 * @param tushare how to reach Tushare and how hard to call it (SPEC section 7)
 * @param batchSize rows per JDBC batch when storing bars
 */
@Validated
@ConfigurationProperties("alphaquant.data")
public record DataProperties(@Valid @NotNull Tushare tushare, @Min(100) int batchSize) {

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
