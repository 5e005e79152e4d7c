package com.alphaquant.strategy;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param factorServiceUrl where factors come from when signals are evaluated on demand
 */
@Validated
@ConfigurationProperties("alphaquant.strategy")
public record StrategyProperties(@NotBlank String factorServiceUrl) {
}
