package com.alphaquant.gateway.auth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives every proxied request the platform's internal token ({@code ALPHAQUANT_INTERNAL_TOKEN},
 * property {@code alphaquant.internal-token}) as {@value #HEADER}, which the services ask for when
 * it is configured; a caller's own {@value #HEADER} never goes through. Applied to the headers the
 * gateway builds for the service's request, after {@code RemoveHopByHopHeadersFilter} (lowest
 * precedence but one) has copied them into a fresh, writable set: one map write per request, no
 * request mutation.
 */
@Component
class InternalTokenHeader implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Internal-Token";

    private final String token;

    InternalTokenHeader(@Value("${alphaquant.internal-token:}") String token) {
        this.token = token.isBlank() ? null : token.strip();
    }

    @Override
    public HttpHeaders filter(HttpHeaders headers, ServerWebExchange exchange) {
        if (token == null) {
            headers.remove(HEADER);
        } else {
            headers.set(HEADER, token);
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
