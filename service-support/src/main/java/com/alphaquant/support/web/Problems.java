package com.alphaquant.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies: the one shape every service answers errors with, built here so that
 * the Spring handlers ({@link ProblemResponses}), the request filter ({@link RequestGuard}) and
 * Tomcat's own error report ({@link ProblemErrorReportValve}) say the same thing the same way.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final URI INVALID_REQUEST = URI.create("https://alphaquant.dev/problems/invalid-request");
    public static final URI UNAVAILABLE = URI.create("https://alphaquant.dev/problems/unavailable");
    /** Seconds a client should wait before retrying a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** Longest prefix of a bad value a message quotes: a 10 MB value must not come back in the answer. */
    static final int QUOTE_MAX = 40;
    /** Longest reason kept from any message (domain messages may embed values the caller sent). */
    static final int REASON_MAX = 300;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** One rejected input: which part of the request (a parameter, header, body field) and why. */
    public record FieldError(String field, String reason) {
        /** Longest field name echoed: a JSON path built from the caller's own property names can be any length. */
        static final int FIELD_MAX = 120;

        public FieldError {
            reason = shorten(reason);
            if (field != null && field.length() > FIELD_MAX) {
                field = field.substring(0, FIELD_MAX) + "…";
            }
        }
    }

    /** {@code 'value'} for messages, cut to a short prefix with its length when longer. */
    public static String quote(Object value) {
        String text = String.valueOf(value);
        if (text.length() <= QUOTE_MAX) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, QUOTE_MAX) + "…' (" + text.length() + " characters)";
    }

    static String shorten(String text) {
        if (text == null || text.length() <= REASON_MAX) {
            return text;
        }
        return text.substring(0, REASON_MAX) + "… (" + text.length() + " characters)";
    }

    /** A 400 listing the rejected parts; the detail joins them for people reading the body alone. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.stream()
                .map(f -> f.field() == null ? f.reason() : f.field() + ": " + f.reason())
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid request");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    /** A problem of any status whose body names the part of the request at fault. */
    public static ProblemDetail of(HttpStatus status, String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field == null ? shorten(reason) : field + ": " + shorten(reason));
        problem.setTitle(status.getReasonPhrase());
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldError(field, reason)));
        }
        return problem;
    }

    /** A 503: what is unavailable, told to the caller, who may retry after {@link #RETRY_AFTER_SECONDS}. */
    public static ProblemDetail unavailable(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(UNAVAILABLE);
        problem.setTitle(title);
        return problem;
    }

    /** Writes {@code problem} straight to a servlet response, outside Spring MVC (filters, error pages). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        response.setContentType(MEDIA_TYPE);
        byte[] body = json(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The problem's JSON: its members flat, extension properties beside them, as RFC 9457 lays them out. */
    static byte[] json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
