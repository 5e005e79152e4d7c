package com.alphaquant.gateway.auth;

import com.alphaquant.gateway.GatewayProperties;
import com.alphaquant.gateway.problems.GatewayProblems;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may call what: /api/** needs an API key (header {@code X-API-Key}) or the dashboard's
 * session cookie; reads need the {@code read} role, everything else {@code write}. The dashboard's
 * static files, sign-in and health stay open. Spring Security supplies the chain, CORS and the
 * security headers; the key lookup itself is a hash-map hit.
 */
@Configuration
class SecurityConfiguration {

    /** No inline script anywhere: the dashboard is ES modules only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    ApiKeys apiKeys(GatewayProperties properties) {
        return new ApiKeys(properties);
    }

    @Bean
    SessionCookies sessionCookies(GatewayProperties properties) {
        return new SessionCookies(properties.session().secret(), properties.session().ttl(), Clock.systemUTC());
    }

    /**
     * Spring Security's firewall turns away requests no service should see (encoded slashes,
     * {@code ;} parameters, NUL or line breaks in the path, unknown methods); they get a problem
     * body like every other refusal instead of its empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler firewallRejections() {
        return (exchange, rejected) -> GatewayProblems.write(exchange, HttpStatus.BAD_REQUEST,
                "The request was refused: " + rejected.getMessage());
    }

    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, ApiKeys keys, SessionCookies sessions, GatewayProperties properties) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // the cookie is SameSite=Strict; keys are headers
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(corsSource(properties.cors())))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAt(authenticationFilter(keys, sessions), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(a -> a
                        .pathMatchers(HttpMethod.GET, "/api/**").hasRole("READ")
                        .pathMatchers(HttpMethod.HEAD, "/api/**").hasRole("READ")
                        .pathMatchers("/api/**").hasRole("WRITE")
                        .pathMatchers("/actuator/gateway/**").hasRole("WRITE")
                        .anyExchange().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> unauthenticated(exchange))
                        .accessDeniedHandler((exchange, ex) -> GatewayProblems.write(exchange, HttpStatus.FORBIDDEN,
                                "This API key may only read; " + exchange.getRequest().getMethod() + " needs a key with the write role.")))
                .build();
    }

    private static AuthenticationWebFilter authenticationFilter(ApiKeys keys, SessionCookies sessions) {
        ReactiveAuthenticationManager manager = authentication -> {
            ApiKeyAuthentication presented = (ApiKeyAuthentication) authentication;
            String value = (String) presented.getCredentials();
            var key = presented.kind() == ApiKeyAuthentication.Kind.HEADER
                    ? keys.forPresented(value)
                    : sessions.verify(value).flatMap(keys::named);
            return key.map(k -> Mono.just(presented.resolvedTo(k)).cast(org.springframework.security.core.Authentication.class))
                    .orElseGet(() -> Mono.error(new BadCredentialsException(presented.kind() == ApiKeyAuthentication.Kind.HEADER
                            ? "The API key in X-API-Key is not known."
                            : "The session has expired or is not valid; sign in again.")));
        };
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/gateway/**"));
        filter.setServerAuthenticationConverter(SecurityConfiguration::presentedCredentials);
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        filter.setAuthenticationSuccessHandler((webFilterExchange, authentication) -> {
            webFilterExchange.getExchange().getAttributes().put(ApiKey.EXCHANGE_ATTRIBUTE, ((ApiKeyAuthentication) authentication).key());
            return webFilterExchange.getChain().filter(webFilterExchange.getExchange());
        });
        filter.setAuthenticationFailureHandler((webFilterExchange, ex) ->
                GatewayProblems.write(webFilterExchange.getExchange(), HttpStatus.UNAUTHORIZED, ex.getMessage()));
        return filter;
    }

    /** The key header wins over the cookie; neither means the request goes on unauthenticated. */
    private static Mono<org.springframework.security.core.Authentication> presentedCredentials(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst("X-API-Key");
        if (header != null) {
            return Mono.just(ApiKeyAuthentication.presented(ApiKeyAuthentication.Kind.HEADER, header.trim()));
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SessionCookies.NAME);
        return cookie == null ? Mono.empty() : Mono.just(ApiKeyAuthentication.presented(ApiKeyAuthentication.Kind.COOKIE, cookie.getValue()));
    }

    /** A person at a browser is sent to the sign-in page; a program gets a 401 problem body. */
    private static Mono<Void> unauthenticated(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean browser = request.getMethod() == HttpMethod.GET && request.getHeaders().getAccept().stream()
                .anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        if (browser) {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().setLocation(URI.create("/signin.html?next=" + java.net.URLEncoder.encode(
                    request.getPath().value(), java.nio.charset.StandardCharsets.UTF_8)));
            return response.setComplete();
        }
        return GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED,
                "This API needs a key: send it in the X-API-Key header, or sign in to the dashboard.");
    }

    private static UrlBasedCorsConfigurationSource corsSource(GatewayProperties.Cors cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(cors.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("X-API-Key", "Content-Type", "Accept", "X-Request-Id", "traceparent"));
            config.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "X-RateLimit-Remaining"));
            config.setAllowCredentials(true);
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", config);
            source.registerCorsConfiguration("/auth/**", config);
        }
        return source;
    }
}
