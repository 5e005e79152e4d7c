package com.alphaquant.backtest.api;

import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.ProblemResponses;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies read into records with errors that name the JSON field; common problem responses. */
final class Bodies {

    private static final int MAX_PATH = 120;

    private Bodies() {
    }

    /** The body as {@code type}; a value of the wrong type is a 400 naming its path, e.g. {@code base.commission}. */
    static <T> T read(JsonMapper json, JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body", "a JSON object is required");
        }
        try {
            return json.treeToValue(body, type);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "unreadable value" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new BadRequestException(path(e), message);
        }
    }

    /** The JSON path of a Jackson failure, cut short: property names are the caller's and may be huge. */
    static String path(JacksonException e) {
        String path = ProblemResponses.jsonPath(e);
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…";
    }

    static ResponseEntity<Object> notFound(String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    static ResponseEntity<Object> conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Not available yet");
        problem.setType(URI.create("https://alphaquant.dev/problems/job-not-finished"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    static boolean wantsCsv(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
    }
}
