package com.alphaquant.strategy.industries;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Industry-neutral strategies ({@code alphaquant.strategy.industry}).
 *
 * @param neutral        the configured strategies run industry-neutral (their multi_factor score
 *                       demeaned within each industry before the thresholds); default none
 * @param dataServiceUrl where the day's industries come from (data-service's {@code GET /api/data/industries})
 * @param readTimeout    how long that request may take (default 10 s)
 */
@ConfigurationProperties("alphaquant.strategy.industry")
public record IndustryProperties(List<String> neutral, String dataServiceUrl, Duration readTimeout) {

    public IndustryProperties {
        neutral = neutral == null ? List.of() : List.copyOf(neutral);
        dataServiceUrl = dataServiceUrl == null || dataServiceUrl.isBlank() ? "http://localhost:8081" : dataServiceUrl;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
