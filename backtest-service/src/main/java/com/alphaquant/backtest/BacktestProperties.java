package com.alphaquant.backtest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * backtest-service settings under {@code alphaquant.backtest}.
 *
 * @param dataServiceUrl            where bars come from when {@code bars = data-service}
 * @param bars                      {@code data-service} (default) or {@code files} (the real sample CSVs in {@code sampleDir})
 * @param sampleDir                 folder with the sample CSVs (Tushare daily with adj_factor_rel, index_daily,
 *                                  stock_basic, trade_cal); default: the repository's real sample ({@code data/sample})
 * @param sampleBars                file name pattern (glob) of the bars file in {@code sampleDir}
 * @param optimizerThreads          how many backtests of an optimisation grid run at once
 * @param jobThreads                how many jobs one replica runs at once
 * @param jobPolling                whether this replica claims jobs (off: API only)
 * @param jobPollInterval           how often a replica looks for a runnable job
 * @param jobStaleAfter             a RUNNING job without a heartbeat for this long is claimed again
 * @param maxAttempts               claims of one job before it is failed (a job that keeps killing its worker)
 * @param dataServiceConnectTimeout connect timeout towards data-service
 * @param dataServiceReadTimeout    read timeout of one data-service call
 * @param modelServiceUrl           where multi_factor runs that name a {@code model} get its predictions (model-service)
 * @param modelServiceReadTimeout   read timeout of one model-service call (a day's predictions for the whole universe)
 * @param maxGridPoints             the largest optimisation grid accepted
 * @param defaults                  what a request that leaves a cost or rule out gets (config/alpha_config.yaml's
 *                                  {@code alphaquant.backtest.defaults}); unset: the CLI's defaults
 */
@Validated
@ConfigurationProperties("alphaquant.backtest")
public record BacktestProperties(@NotBlank String dataServiceUrl,
                                 @DefaultValue("data-service") @NotNull Bars bars,
                                 String sampleDir,
                                 @DefaultValue("daily_raw_adj_*.csv*") @NotBlank String sampleBars,
                                 @DefaultValue("2") @Min(1) int optimizerThreads,
                                 @DefaultValue("2") @Min(1) int jobThreads,
                                 @DefaultValue("true") boolean jobPolling,
                                 @DefaultValue("500ms") @NotNull Duration jobPollInterval,
                                 @DefaultValue("2m") @NotNull Duration jobStaleAfter,
                                 @DefaultValue("3") @Min(1) int maxAttempts,
                                 @DefaultValue("2s") @NotNull Duration dataServiceConnectTimeout,
                                 @DefaultValue("30s") @NotNull Duration dataServiceReadTimeout,
                                 @DefaultValue("http://localhost:8083") @NotBlank String modelServiceUrl,
                                 @DefaultValue("60s") @NotNull Duration modelServiceReadTimeout,
                                 @DefaultValue("1000") @Min(1) int maxGridPoints,
                                 RunDefaults defaults) {

    public BacktestProperties {
        defaults = defaults == null ? RunDefaults.NONE : defaults;
    }

    /**
     * Defaults of a run's costs and rules, each null where not configured (then BacktestSpec's
     * own default applies). Ranges are checked by the configuration file's schema and again,
     * per request, by BacktestSpec.
     */
    public record RunDefaults(Double initialCapital, Double commission, Double minCommission, Double slippage, Double impact,
                              Double slippageCap, String fill, Boolean carryOver, Double riskFree, String benchmark) {

        public static final RunDefaults NONE = new RunDefaults(null, null, null, null, null, null, null, null, null, null);
    }

    /** Where bars come from. */
    public enum Bars { DATA_SERVICE, FILES }
}
