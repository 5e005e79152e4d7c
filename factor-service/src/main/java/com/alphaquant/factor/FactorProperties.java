package com.alphaquant.factor;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dataServiceUrl       where bars come from
 * @param cachePrefix          Redis key prefix (tests use one per run)
 * @param cacheTtl             how long a cached stock-month of factors lives
 * @param cacheEnabled         false: no Redis at all (every request computes)
 * @param processedTtl         how long an ingest event id is remembered, against redelivery
 * @param recursiveWarmupBars  history beyond the largest window, for EMA/Wilder/KDJ to converge (WarmUp)
 * @param fetchParallelism     concurrent bar requests to data-service
 * @param engineParallelism    threads per factor engine run
 * @param maxStockMonths       the largest request, in stocks × calendar months (60,000: the whole market for a year)
 * @param barsCsv              optional Tushare-format bar file used instead of data-service (offline demo)
 * @param indexCsv             the index bars that go with {@code barsCsv}
 * @param namechangeCsv        the Tushare namechange file that goes with {@code barsCsv} (ST status by day);
 *                             default: the bundled sample's
 * @param northCsv             the Tushare moneyflow_hsgt file that goes with {@code barsCsv} (NORTH_FLOW_Z);
 *                             default: the bundled sample's
 * @param miningPolling        whether this replica runs mining jobs (off: API only)
 * @param miningPollInterval   how often a replica looks for a runnable mining job
 * @param miningStaleAfter     a RUNNING mining job without a heartbeat for this long is claimed again
 * @param miningMaxAttempts    claims of one mining job before it is failed
 */
@Validated
@ConfigurationProperties("alphaquant.factor")
public record FactorProperties(@NotBlank String dataServiceUrl,
                               @NotBlank String cachePrefix,
                               @NotNull Duration cacheTtl,
                               @DefaultValue("true") boolean cacheEnabled,
                               @DefaultValue("7d") Duration processedTtl,
                               @DefaultValue("400") @Min(0) int recursiveWarmupBars,
                               @DefaultValue("8") @Min(1) int fetchParallelism,
                               @DefaultValue("2") @Min(1) int engineParallelism,
                               @DefaultValue("60000") @Min(1) long maxStockMonths,
                               String barsCsv,
                               String indexCsv,
                               String namechangeCsv,
                               String northCsv,
                               @DefaultValue("true") boolean miningPolling,
                               @DefaultValue("1s") @NotNull Duration miningPollInterval,
                               @DefaultValue("2m") @NotNull Duration miningStaleAfter,
                               @DefaultValue("3") @Min(1) int miningMaxAttempts) {
}
