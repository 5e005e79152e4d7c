package com.alphaquant.backtest.api;

import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.ProblemResponses;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies read into records with errors that name the JSON field; common problem responses. */
final class Bodies {

    private static final int MAX_PATH = 120;

    private Bodies() {
    }

    /**
     * The raw body as {@code type}, read straight into it (a 16MB weight table never becomes a
     * tree as well). JSON that does not parse (a bare {@code NaN} or {@code Infinity}, a cut-off
     * document) is a 400 naming where the parser stopped, e.g. {@code minCommission} or
     * {@code weights[3].weight}; a value of the wrong type one naming its path, e.g.
     * {@code base.commission}; anything but an object at the top {@code body}.
     */
    static <T> T read(JsonMapper json, byte[] body, Class<T> type) {
        T value;
        try {
            value = json.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(body);
        } catch (StreamReadException e) {
            throw new BadRequestException(parserPath(e), "unreadable JSON: " + reason(e));
        } catch (JacksonException e) {
            String path = path(e);
            throw new BadRequestException(path, path.equals("body") ? "a single JSON object is required" : reason(e));
        }
        if (value == null) {
            throw new BadRequestException("body", "a single JSON object is required");
        }
        return value;
    }

    private static String reason(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable value" : e.getOriginalMessage().lines().findFirst().orElse("");
        int hint = message.indexOf(": enable `"); // advice to the server's developers, not to the caller
        return hint < 0 ? message : message.substring(0, hint) + " (numbers must be finite)";
    }

    /** Where a parser stopped, as a field path; {@code body} at the top level or when unknown. */
    static String parserPath(JacksonException e) {
        if (!(e.processor() instanceof JsonParser parser)) {
            return "body";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = parser.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.currentName() != null) {
                parts.push("." + c.currentName());
            } else if (c.inArray() && c.hasCurrentIndex()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        if (path.isEmpty()) {
            return "body";
        }
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…";
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
