package com.alphaquant.support.web;

/** Checks of values a request body may leave out, each refusal a {@link BadRequestException} naming the field. */
public final class RequestValues {

    private RequestValues() {
    }

    /** {@code value}, or {@code fallback} when it was left out; a value outside [min, max] is refused. */
    public static int within(String field, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new BadRequestException(field, "must lie in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }
}
