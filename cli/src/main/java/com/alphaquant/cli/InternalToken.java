package com.alphaquant.cli;

import java.net.http.HttpRequest;

/**
 * The commands that call a service directly (not through the gateway) send the platform's internal
 * token when {@code ALPHAQUANT_INTERNAL_TOKEN} is set, as services configured with it require
 * (service-support's InternalToken; docs/operations.md, Security).
 */
final class InternalToken {

    static final String HEADER = "X-Internal-Token";
    static final String VARIABLE = "ALPHAQUANT_INTERNAL_TOKEN";

    private InternalToken() {
    }

    /** {@code request} with the token when the environment has one. */
    static HttpRequest.Builder added(HttpRequest.Builder request) {
        String token = System.getenv(VARIABLE);
        return token == null || token.isBlank() ? request : request.header(HEADER, token.strip());
    }
}
