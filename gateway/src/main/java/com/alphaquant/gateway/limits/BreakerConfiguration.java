package com.alphaquant.gateway.limits;

import com.alphaquant.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One breaker per route (named like the route in application.yml), whose time limiter is the
 * route's timeout: a slow service costs a caller at most that long (504), and a service that keeps
 * failing is skipped for a while (503) instead of tying up connections.
 */
@Configuration
class BreakerConfiguration {

    // Resilience4j's own Boot auto-configuration (which would supply these) is Boot 3 only.
    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    @Bean
    TimeLimiterRegistry timeLimiterRegistry() {
        return TimeLimiterRegistry.ofDefaults();
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(GatewayProperties properties) {
        return factory -> factory.configureDefault(route -> new Resilience4JConfigBuilder(route)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeout(route)).cancelRunningFuture(true).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .build())
                .build());
    }
}
