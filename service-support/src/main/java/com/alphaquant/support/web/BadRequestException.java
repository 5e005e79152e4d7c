package com.alphaquant.support.web;

/**
 * A request value that is well-formed but not acceptable, e.g. an end date before the start
 * date. Rendered as HTTP 400 with a problem body naming {@link #field()}.
 */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
