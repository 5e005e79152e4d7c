package com.alphaquant.factor.bars;

import com.alphaquant.support.web.UpstreamUnavailableException;

/** The bar source (data-service) could not answer: a 503 for the client, a retry for Kafka. */
public class BarSourceUnavailableException extends UpstreamUnavailableException {

    private static final String TITLE = "Market data unavailable";
    private static final String DETAIL = "Market data is unavailable right now (data-service); try again shortly.";

    public BarSourceUnavailableException(String message) {
        super(TITLE, DETAIL, message, null);
    }

    public BarSourceUnavailableException(String message, Throwable cause) {
        super(TITLE, DETAIL, message, cause);
    }
}
