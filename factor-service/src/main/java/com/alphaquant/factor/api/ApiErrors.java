package com.alphaquant.factor.api;

import com.alphaquant.factor.compute.MarketDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bars the engine refuses are the bar source's fault, not this service's nor the caller's: a 502,
 * not the generic 500 or a 400. (data-service down is a 503: service-support's ProblemResponses,
 * as {@link com.alphaquant.support.panel.PanelSourceUnavailableException} is an upstream-unavailable.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(MarketDataException.class)
    ProblemDetail badMarketData(MarketDataException e) {
        log.error("Bad market data from the bar source: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Bad market data");
        return problem;
    }
}
