package com.alphaquant.gateway.limits;

import com.alphaquant.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * A route's breaker and time limit ({@code Breaker=<route>} in application.yml): an answer slower
 * than {@code alphaquant.gateway.timeouts.<route>} is cut off (504), and a service whose calls keep
 * failing or timing out is skipped for a while (503) instead of tying up connections. Both name
 * the service ({@code problems.GatewayErrorHandler}).
 *
 * <p>Resilience4j's operator is applied directly: Spring Cloud CircuitBreaker's filter around it
 * looked up its breaker and time limiter in their registries on every request, which made it
 * the costliest step of a proxied call.
 */
@Component
public class BreakerGatewayFilterFactory extends AbstractGatewayFilterFactory<BreakerGatewayFilterFactory.Config> {

    private static final CircuitBreakerConfig BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10))
            .permittedNumberOfCallsInHalfOpenState(3)
            .build();

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(BREAKER);
    private final GatewayProperties properties;

    public BreakerGatewayFilterFactory(GatewayProperties properties, MeterRegistry meters) {
        super(Config.class);
        this.properties = properties;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("name");
    }

    @Override
    public GatewayFilter apply(Config config) {
        CircuitBreaker breaker = breakers.circuitBreaker(config.getName());
        Duration timeout = properties.timeout(config.getName());
        return (exchange, chain) -> chain.filter(exchange)
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker));
    }

    /** The route's name: the breaker's name and the key of its timeout. */
    public static class Config {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
