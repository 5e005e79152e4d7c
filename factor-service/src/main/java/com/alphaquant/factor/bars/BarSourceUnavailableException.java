package com.alphaquant.factor.bars;

/** The bar source (data-service) could not answer: a 503 for the client, a retry for Kafka. */
public class BarSourceUnavailableException extends RuntimeException {

    public BarSourceUnavailableException(String message) {
        super(message);
    }

    public BarSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
