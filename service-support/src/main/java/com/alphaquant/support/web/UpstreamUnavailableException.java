package com.alphaquant.support.web;

/**
 * A service this one depends on (data-service, factor-service) could not answer: refused, timed
 * out, a 5xx, an unreadable reply. Not this service's bug nor the caller's, so it is a 503
 * problem ({@link ProblemResponses}) the caller may retry, and a retry for a Kafka consumer.
 */
public class UpstreamUnavailableException extends RuntimeException {

    private final String title;
    private final String detail;

    /**
     * @param title   the problem's title, e.g. "Factors unavailable"
     * @param detail  what the caller is told, naming the service, e.g. "… (factor-service); try again shortly."
     * @param message what is logged: the cause in the service's words
     */
    public UpstreamUnavailableException(String title, String detail, String message, Throwable cause) {
        super(message, cause);
        this.title = title;
        this.detail = detail;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
