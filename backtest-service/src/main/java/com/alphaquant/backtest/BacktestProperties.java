package com.alphaquant.backtest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param dataServiceUrl where bars come from
 * @param optimizerThreads how many backtests of an optimisation grid run at once
 */
@Validated
@ConfigurationProperties("alphaquant.backtest")
public record BacktestProperties(@NotBlank String dataServiceUrl, @Min(1) int optimizerThreads) {
}
