package com.alphaquant.gateway.auth;

import com.alphaquant.gateway.GatewayProperties;
import com.alphaquant.gateway.problems.GatewayProblems;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What every request passes before it is routed, in this order: Spring Security's firewall,
 * CORS, the security headers, then the API-key check ({@link ApiKeyFilter}). The pieces are
 * Spring Security's and Spring's own, wired as plain filters rather than a security filter chain,
 * which on a proxy costs more per request than the proxying (see {@link ApiKeyFilter}).
 */
@Configuration
class SecurityConfiguration {

    /** No inline script anywhere: the dashboard is ES modules only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    // Right after RequestIdFilter (highest precedence), so refusals carry a request id too.
    private static final int FIREWALL_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    private static final int CORS_ORDER = FIREWALL_ORDER + 10;
    private static final int HEADERS_ORDER = CORS_ORDER + 10;
    /** Before the rate limiter, which needs the caller's key. */
    static final int API_KEY_ORDER = -100;

    @Bean
    ApiKeys apiKeys(GatewayProperties properties) {
        return new ApiKeys(properties);
    }

    @Bean
    SessionCookies sessionCookies(GatewayProperties properties) {
        return new SessionCookies(properties.session().secret(), properties.session().ttl(), Clock.systemUTC());
    }

    /**
     * Turns away requests no service should see (encoded slashes, {@code ;} parameters, NUL or line
     * breaks in the path, unknown methods, bad header characters) with a problem body.
     */
    @Bean
    WebFilter firewallFilter() {
        var firewall = new StrictServerWebExchangeFirewall();
        return ordered(FIREWALL_ORDER, (exchange, chain) -> firewall.getFirewalledExchange(exchange)
                .flatMap(chain::filter)
                .onErrorResume(ServerExchangeRejectedException.class, rejected ->
                        GatewayProblems.write(exchange, HttpStatus.BAD_REQUEST, "The request was refused: " + rejected.getMessage())));
    }

    @Bean
    WebFilter corsFilter(GatewayProperties properties) {
        CorsWebFilter cors = new CorsWebFilter(corsSource(properties.cors()));
        return ordered(CORS_ORDER, cors::filter);
    }

    /** Spring Security's defaults (no-sniff, frame deny, no caching, HSTS on https) plus our CSP and referrer policy. */
    @Bean
    WebFilter securityHeadersFilter() {
        var headers = new HttpHeaderWriterWebFilter(new CompositeServerHttpHeadersWriter(
                new CacheControlServerHttpHeadersWriter(),
                new XContentTypeOptionsServerHttpHeadersWriter(),
                new StrictTransportSecurityServerHttpHeadersWriter(),
                frameDeny(),
                new XXssProtectionServerHttpHeadersWriter(),
                contentSecurityPolicy(),
                sameOriginReferrer()));
        return ordered(HEADERS_ORDER, headers::filter);
    }

    @Bean
    WebFilter apiKeyFilter(ApiKeys keys, SessionCookies sessions) {
        ApiKeyFilter filter = new ApiKeyFilter(keys, sessions);
        return ordered(API_KEY_ORDER, filter::filter);
    }

    private static XFrameOptionsServerHttpHeadersWriter frameDeny() {
        var writer = new XFrameOptionsServerHttpHeadersWriter();
        writer.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        return writer;
    }

    private static ReferrerPolicyServerHttpHeadersWriter sameOriginReferrer() {
        var writer = new ReferrerPolicyServerHttpHeadersWriter();
        writer.setPolicy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN);
        return writer;
    }

    private static ContentSecurityPolicyServerHttpHeadersWriter contentSecurityPolicy() {
        var writer = new ContentSecurityPolicyServerHttpHeadersWriter();
        writer.setPolicyDirectives(CONTENT_SECURITY_POLICY);
        return writer;
    }

    private static UrlBasedCorsConfigurationSource corsSource(GatewayProperties.Cors cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(cors.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of(ApiKeyFilter.HEADER, "Content-Type", "Accept", "X-Request-Id", "traceparent"));
            config.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
            config.setAllowCredentials(true);
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", config);
            source.registerCorsConfiguration("/auth/**", config);
        }
        return source;
    }

    /** WebFlux orders WebFilter beans by {@link Ordered}; a lambda cannot carry {@code @Order}. */
    private static WebFilter ordered(int order, WebFilter filter) {
        return new OrderedFilter(order, filter);
    }

    private record OrderedFilter(int order, WebFilter filter) implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return filter.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
