package com.alphaquant.gateway.auth;

import com.alphaquant.gateway.problems.GatewayProblems;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Who may call what: /api/** needs an API key (header {@code X-API-Key}) or the dashboard's
 * session cookie; GET and HEAD need the {@code read} role, every other method {@code write}, as
 * does the gateway's own actuator endpoint. Everything else (the dashboard's files, sign-in,
 * health) stays open. The caller's {@link ApiKey} is left on the exchange for the rate limiter.
 *
 * <p>One plain filter rather than Spring Security's chain: the check is a hash-map hit and a role
 * comparison, and on the proxy's hot path the chain's dozen reactive filters cost more CPU than
 * routing the request itself (measured with {@code alphaquant bench gateway}).
 */
final class ApiKeyFilter implements WebFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final SessionCookies sessions;

    ApiKeyFilter(ApiKeys keys, SessionCookies sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean api = isUnder(path, "/api");
        boolean gatewayActuator = isUnder(path, "/actuator/gateway");
        if (!api && !gatewayActuator) {
            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(HEADER);
        HttpCookie cookie = header == null ? exchange.getRequest().getCookies().getFirst(SessionCookies.NAME) : null;
        if (header == null && cookie == null) {
            return unauthenticated(exchange);
        }
        Optional<ApiKey> key = header != null ? keys.forPresented(header.trim()) : sessions.verify(cookie.getValue()).flatMap(keys::named);
        if (key.isEmpty()) {
            return GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, header != null
                    ? "The API key in X-API-Key is not known."
                    : "The session has expired or is not valid; sign in again.");
        }
        HttpMethod method = exchange.getRequest().getMethod();
        boolean reads = api && (method == HttpMethod.GET || method == HttpMethod.HEAD);
        if (!reads && key.get().role() != ApiKey.Role.WRITE) {
            return GatewayProblems.write(exchange, HttpStatus.FORBIDDEN,
                    "This API key may only read; " + method + " needs a key with the write role.");
        }
        exchange.getAttributes().put(ApiKey.EXCHANGE_ATTRIBUTE, key.get());
        return chain.filter(exchange);
    }

    /** {@code /api} itself and anything below it, as Spring's {@code /api/**} pattern matches. */
    private static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** A person at a browser is sent to the sign-in page; a program gets a 401 problem body. */
    private static Mono<Void> unauthenticated(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean browser = request.getMethod() == HttpMethod.GET && request.getHeaders().getAccept().stream()
                .anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        if (browser) {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().setLocation(URI.create("/signin.html?next="
                    + URLEncoder.encode(request.getPath().value(), StandardCharsets.UTF_8)));
            return response.setComplete();
        }
        return GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED,
                "This API needs a key: send it in the X-API-Key header, or sign in to the dashboard.");
    }
}
