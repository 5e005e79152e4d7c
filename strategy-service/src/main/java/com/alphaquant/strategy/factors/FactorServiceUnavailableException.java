package com.alphaquant.strategy.factors;

import com.alphaquant.support.web.UpstreamUnavailableException;

/**
 * factor-service could not answer (refused, timed out, a 5xx, an unreadable reply): a 503 problem
 * for {@code POST /evaluate}, a retry (then the dead-letter topic) for a Kafka event.
 */
public class FactorServiceUnavailableException extends UpstreamUnavailableException {

    public FactorServiceUnavailableException(String message, Throwable cause) {
        super("Factors unavailable", "Factors are unavailable right now (factor-service); try again shortly.", message, cause);
    }
}
