package com.alphaquant.factor.api;

import com.alphaquant.factor.bars.BarSourceUnavailableException;
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
 * Upstream trouble is not this service's bug, nor the caller's: data-service down is a 503, so
 * callers retry; bars the engine refuses are a 502. Neither is the generic 500 or a 400.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BarSourceUnavailableException.class)
    ProblemDetail barsUnavailable(BarSourceUnavailableException e) {
        log.warn("Bar source unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Market data is unavailable right now (data-service); try again shortly.");
        problem.setTitle("Market data unavailable");
        return problem;
    }

    @ExceptionHandler(MarketDataException.class)
    ProblemDetail badMarketData(MarketDataException e) {
        log.error("Bad market data from the bar source: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Bad market data");
        return problem;
    }
}
