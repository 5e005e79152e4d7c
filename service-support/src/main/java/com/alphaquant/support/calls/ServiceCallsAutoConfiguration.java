package com.alphaquant.support.calls;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Calls between services: the {@link InternalToken} (from {@code alphaquant.internal-token}, i.e.
 * {@code ALPHAQUANT_INTERNAL_TOKEN}), the {@link ServiceCalls} clients send it with, and, in a
 * servlet service, the filters for the calls it receives: {@link RequestIdLogging} and, where a token is
 * configured, {@link InternalTokenFilter}. Both run after the server's observation filter
 * (highest precedence + 1), so a refused call is still measured and its log line has its trace id.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
public class ServiceCallsAutoConfiguration {

    static final int REQUEST_ID_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;
    static final int TOKEN_ORDER = Ordered.HIGHEST_PRECEDENCE + 6;

    @Bean
    InternalToken internalToken(@Value("${" + InternalToken.PROPERTY + ":}") String token) {
        return InternalToken.of(token);
    }

    @Bean
    ServiceCalls serviceCalls(ObjectProvider<ObservationRegistry> observations, InternalToken token) {
        return new ServiceCalls(observations.getIfAvailable(() -> ObservationRegistry.NOOP), token);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestIdLogging> requestIdLogging() {
        FilterRegistrationBean<RequestIdLogging> registration = new FilterRegistrationBean<>(new RequestIdLogging());
        registration.setOrder(REQUEST_ID_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(InternalToken token) {
        FilterRegistrationBean<InternalTokenFilter> registration = new FilterRegistrationBean<>(new InternalTokenFilter(token));
        registration.setOrder(TOKEN_ORDER);
        registration.setEnabled(token.configured());
        return registration;
    }
}
