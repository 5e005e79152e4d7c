package com.alphaquant.support.web;

import org.springframework.http.HttpStatus;

/**
 * A service this one called refused the request as invalid (a 4xx): the caller's input was at
 * fault, so the caller gets that status and the other service's reason, not a 503 that would
 * invite a retry of the same mistake.
 */
public class UpstreamRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String service;

    public UpstreamRejectedException(String service, HttpStatus status, String reason) {
        super(reason);
        this.service = service;
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String service() {
        return service;
    }
}
