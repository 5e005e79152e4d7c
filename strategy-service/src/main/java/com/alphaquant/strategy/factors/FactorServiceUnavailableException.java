package com.alphaquant.strategy.factors;

/**
 * factor-service could not answer (refused, timed out, a 5xx, an unreadable reply): a 503 problem
 * for {@code POST /evaluate}, a retry (then the dead-letter topic) for a Kafka event.
 */
public class FactorServiceUnavailableException extends RuntimeException {

    public FactorServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
