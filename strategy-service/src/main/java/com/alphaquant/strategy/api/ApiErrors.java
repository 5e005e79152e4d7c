package com.alphaquant.strategy.api;

import com.alphaquant.strategy.factors.FactorServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** factor-service down is not this service's bug: 503, so callers retry, rather than the generic 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(FactorServiceUnavailableException.class)
    ProblemDetail factorsUnavailable(FactorServiceUnavailableException e) {
        log.warn("Factor service unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Factors are unavailable right now (factor-service); try again shortly.");
        problem.setTitle("Factors unavailable");
        return problem;
    }
}
