package com.alphaquant.gateway.auth;

import com.alphaquant.gateway.problems.GatewayProblems;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The dashboard's sign-in: an API key exchanged for an HttpOnly, SameSite=Strict session cookie. */
@RestController
@RequestMapping("/auth/session")
class SessionController {

    private final ApiKeys keys;
    private final SessionCookies sessions;

    SessionController(ApiKeys keys, SessionCookies sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    record SignIn(String key) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Void> signIn(@RequestBody SignIn body, ServerWebExchange exchange) {
        if (body == null || body.key() == null || body.key().isBlank()) {
            return GatewayProblems.write(exchange, HttpStatus.BAD_REQUEST, "key: the API key is missing", Map.of("field", "key"));
        }
        return keys.forPresented(body.key().trim())
                .map(key -> {
                    exchange.getResponse().addCookie(cookie(exchange, sessions.issue(key.name()), sessions.ttl()));
                    exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
                    return exchange.getResponse().setComplete();
                })
                .orElseGet(() -> GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, "key: this API key is not known",
                        Map.of("field", "key")));
    }

    @GetMapping
    Mono<ResponseEntity<Map<String, String>>> current(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SessionCookies.NAME);
        return sessions.verify(cookie == null ? null : cookie.getValue()).flatMap(keys::named)
                .map(key -> Mono.just(ResponseEntity.ok(Map.of("name", key.name(), "role", key.role().name().toLowerCase()))))
                .orElseGet(() -> GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, "Not signed in.").then(Mono.empty()));
    }

    @DeleteMapping
    Mono<Void> signOut(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
        exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
        return exchange.getResponse().setComplete();
    }

    private static ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
        boolean https = exchange.getRequest().getSslInfo() != null
                || "https".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst("X-Forwarded-Proto"));
        return ResponseCookie.from(SessionCookies.NAME, value).httpOnly(true).sameSite("Strict").path("/")
                .secure(https).maxAge(maxAge).build();
    }
}
