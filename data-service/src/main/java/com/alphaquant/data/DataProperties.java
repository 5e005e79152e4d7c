package com.alphaquant.data;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where data-service reaches Tushare and how hard it may call it (SPEC section 7).
 *
 * @param tushareUrl     the Tushare Pro endpoint (or a tushare-sim)
 * @param token          from {@code TUSHARE_TOKEN}; never logged, never in {@link #toString()}
 * @param callsPerMinute the account tier limit per API (about 50 at 120 points, 200 at 2000, 500 at 5000)
 * @param concurrency    requests in flight at once
 */
@Validated
@ConfigurationProperties("alphaquant.data")
public record DataProperties(
        @NotBlank String tushareUrl,
        String token,
        @Min(1) int callsPerMinute,
        @Min(1) int concurrency) {

    @Override
    public String toString() {
        return "DataProperties[tushareUrl=" + tushareUrl + ", token=" + (token == null || token.isBlank() ? "<unset>" : "<set>")
                + ", callsPerMinute=" + callsPerMinute + ", concurrency=" + concurrency + "]";
    }
}
