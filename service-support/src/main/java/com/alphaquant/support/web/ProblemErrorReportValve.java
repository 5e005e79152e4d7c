package com.alphaquant.support.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as a problem body instead of its HTML page. Tomcat answers some requests
 * before any servlet runs (an encoded {@code /}, {@code \} or NUL in the path, an over-long
 * request line or header); this valve is what writes those answers.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String message = response.getMessage();
        if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
            // Tomcat's answer to a Transfer-Encoding it does not implement: the request is at fault, not the server.
            status = HttpStatus.BAD_REQUEST.value();
            response.setStatus(status);
            message = "a transfer coding this server does not implement (it takes chunked)";
        }
        try {
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                response.setHeader("Retry-After", String.valueOf(Problems.RETRY_AFTER_SECONDS));
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(Problems.json(problem(status, message)), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already committed: nothing left to tell.
        }
    }

    static ProblemDetail problem(int status, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        if (status >= 500 || known == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                    "The server could not answer this request; it has been logged.");
            problem.setStatus(status);
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
            return problem;
        }
        String reason = message == null || message.isBlank() ? known.getReasonPhrase() : message;
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        String part = lower.contains("transfer coding") ? "Transfer-Encoding" : lower.contains("header") ? "headers"
                : lower.contains("uri") || lower.contains("path") ? "path" : "request";
        return known == HttpStatus.BAD_REQUEST ? Problems.invalid(part, reason) : Problems.of(known, part, reason);
    }
}
