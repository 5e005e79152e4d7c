package com.alphaquant.factor;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param dataServiceUrl where bars come from
 * @param cachePrefix    Redis key prefix (tests use one per run)
 * @param cacheTtl       how long a cached factor panel lives
 */
@Validated
@ConfigurationProperties("alphaquant.factor")
public record FactorProperties(@NotBlank String dataServiceUrl, @NotBlank String cachePrefix, Duration cacheTtl) {
}
