package com.alphaquant.gateway.problems;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every failure the gateway meets becomes a problem body naming the service behind the route:
 * 503 when it is not reachable or its breaker is open, 504 when it took longer than its
 * timeout, 502 when it broke off an answer; callers can tell "retry later" from "we broke".
 */
@Component
@Order(-2) // before Boot's default error handler
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        String service = serviceOf(exchange);
        Map<String, Object> named = service == null ? Map.of() : Map.of("service", service);
        String behind = service == null ? "the service" : service;
        if (causedBy(error, CallNotPermittedException.class)) {
            return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    behind + " is failing; its circuit breaker is open. Retry later.", named);
        }
        if (causedBy(error, ConnectException.class)) {
            return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, behind + " is not reachable; retry later.", named);
        }
        if (causedBy(error, TimeoutException.class)
                || error instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
            return GatewayProblems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, behind + " did not answer within its timeout.", named);
        }
        if (causedBy(error, PrematureCloseException.class) || causedBy(error, AbortedException.class)) {
            return GatewayProblems.write(exchange, HttpStatus.BAD_GATEWAY, behind + " closed the connection before answering.", named);
        }
        if (error instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            status = status == null ? HttpStatus.BAD_REQUEST : status;
            return GatewayProblems.write(exchange, status, rse.getReason() != null ? rse.getReason() : status.getReasonPhrase());
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return GatewayProblems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed on this request; see its log.");
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : String.valueOf(route.getMetadata().getOrDefault("service", route.getId()));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
