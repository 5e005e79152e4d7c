package com.alphaquant.factor.api;

import com.alphaquant.factor.bars.BarSourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** data-service down is not this service's bug: 503, so callers retry, rather than the generic 500. */
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
}
