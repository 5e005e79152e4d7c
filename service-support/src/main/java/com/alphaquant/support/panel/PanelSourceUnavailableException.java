package com.alphaquant.support.panel;

import com.alphaquant.support.web.UpstreamUnavailableException;

/** The panel source (data-service) could not answer: a 503 for the client, a retry for Kafka. */
public class PanelSourceUnavailableException extends UpstreamUnavailableException {

    private static final String TITLE = "Market data unavailable";
    private static final String DETAIL = "Market data is unavailable right now (data-service); try again shortly.";

    public PanelSourceUnavailableException(String message) {
        super(TITLE, DETAIL, message, null);
    }

    public PanelSourceUnavailableException(String message, Throwable cause) {
        super(TITLE, DETAIL, message, cause);
    }
}
